using AngleSharp.Dom;

namespace DisclosureExtract.Reading;

/// <summary>
/// Maps an element parsed with <c>IsKeepingSourceReferences</c> to its 1-based line in the decoded page.
/// The line is counted here from the element's character index (CRLF, LF and CR each end a line, as for
/// text), since AngleSharp's own line counter is 16-bit and wraps on pages of more than 65 535 lines.
/// Elements the parser made up (an implied &lt;tbody&gt;) take the line of the nearest parent written in the source.
/// </summary>
public sealed class HtmlSourceLines
{
    private readonly List<int> _starts = [0];
    private readonly int _length;

    public HtmlSourceLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _length = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (c is '\r' or '\n')
            {
                _starts.Add(i + 1);
            }
        }
    }

    /// <summary>The line of the element's start tag, or of its nearest ancestor that has one; null if none has.</summary>
    public int? LineOf(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.SourceReference is { } source)
            {
                return LineAt(source.Position.Index, source.Position.Line);
            }
        }

        return null;
    }

    /// <summary>The line holding the character at <paramref name="index"/>; falls back to the parser's line for an index out of range.</summary>
    public int LineAt(int index, int parserLine)
    {
        if (index < 0 || index >= _length)
        {
            return Math.Max(1, parserLine);
        }

        var at = _starts.BinarySearch(index);
        return (at >= 0 ? at : ~at - 1) + 1;
    }
}
