using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Reading;

/// <summary>
/// Reads text disclosures as re-posted by converters: any of UTF-8 (with or without BOM), UTF-16 with BOM,
/// GB18030; CRLF, LF or CR line ends; form feeds start a new page; tab-separated lines keep their cells.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Text;

    public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (text, encoding) = TextDecoder.Decode(bytes);
        var lines = SplitLines(text);
        if (lines.TrueForAll(l => l.Norm.Length == 0))
        {
            throw new InputException("no text: the file holds only white space");
        }

        return new SourceDocument(documentId, path, SourceFormat.Text, sha256, encoding, null, lines);
    }

    /// <summary>Builds the document lines from decoded text. Line numbers count line ends; a form feed starts a new page.</summary>
    public static List<DocLine> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<DocLine>(text.AsSpan().Count('\n') + 1);
        int? page = text.Contains('\f', StringComparison.Ordinal) ? 1 : null;
        var number = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r')
            {
                continue;
            }

            number++;
            var physical = text.AsSpan(start, i - start);
            if (page is null)
            {
                result.Add(MakeLine(result.Count, number, null, physical.ToString()));
            }
            else
            {
                var first = true;
                foreach (var range in physical.Split('\f'))
                {
                    if (!first)
                    {
                        page++;
                    }

                    var segment = physical[range].ToString();
                    if (first || segment.Length > 0)
                    {
                        result.Add(MakeLine(result.Count, number, page, segment));
                    }

                    first = false;
                }
            }

            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return result;
    }

    private static DocLine MakeLine(int index, int number, int? page, string raw)
    {
        if (raw.Contains('\t', StringComparison.Ordinal))
        {
            var parts = raw.Split('\t');
            var cells = new List<TextCell>(parts.Length);
            var printed = new List<string>(parts.Length);
            var heading = false;
            for (var col = 0; col < parts.Length; col++)
            {
                var (cellText, h) = InlineMarkup.Strip(parts[col]);
                heading |= h && col == 0;
                cellText = cellText.Trim(' ', '\u3000');
                cells.Add(new TextCell(cellText, col));
                printed.Add(cellText);
            }

            var joined = string.Join('\t', printed);
            return new DocLine(index, number, page, joined, TextNormalizer.Fold(joined), cells, heading);
        }

        var (t, isHeading) = InlineMarkup.Strip(raw);
        return new DocLine(index, number, page, t, TextNormalizer.Fold(t), null, isHeading);
    }
}
