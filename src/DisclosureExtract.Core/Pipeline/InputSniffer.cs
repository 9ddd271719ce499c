using System.Text;
using DisclosureExtract.Model;

namespace DisclosureExtract.Pipeline;

/// <summary>Decides the format by content, not by the file name: an HTML error page saved as .pdf is HTML.</summary>
public static class InputSniffer
{
    // tags a saved page starts with (after a doctype or "<!-- saved from url=… -->"); inline tags such as <b> are not enough
    private static readonly string[] DocumentTags = ["<!DOCTYPE", "<HTML", "<HEAD", "<META", "<BODY", "<TITLE", "<TABLE", "<DIV", "<LINK", "<SCRIPT", "<STYLE"];

    private static string SkipComments(string text)
    {
        while (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = text.IndexOf("-->", StringComparison.Ordinal);
            if (end < 0)
            {
                return text;
            }

            text = text[(end + 3)..].TrimStart();
        }

        return text;
    }

    public static SourceFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return SourceFormat.Pdf;
        }

        var start = head;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        var text = SkipComments(Encoding.ASCII.GetString(start).TrimStart().ToUpperInvariant());
        if (text.StartsWith("<?XML", StringComparison.Ordinal))
        {
            return text.Contains("<HTML", StringComparison.Ordinal) ? SourceFormat.Html : SourceFormat.Text;
        }

        foreach (var tag in DocumentTags)
        {
            if (text.StartsWith(tag, StringComparison.Ordinal) && text.Length > tag.Length && (text[tag.Length] is ' ' or '>' or '\r' or '\n' or '\t'))
            {
                return SourceFormat.Html;
            }
        }

        return SourceFormat.Text;
    }
}
