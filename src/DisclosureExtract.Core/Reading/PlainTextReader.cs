using System.Buffers;
using System.Text.Unicode;
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
        List<DocLine> lines;
        string encoding;
        if (TextDecoder.Utf8Start(bytes) is { } utf8 && ReadUtf8(bytes.AsSpan(utf8.Offset)) is { } read)
        {
            lines = read;
            encoding = utf8.EncodingName;
        }
        else
        {
            (var text, encoding) = TextDecoder.Decode(bytes); // not UTF-8: decoded (or refused) as a whole
            lines = SplitLines(text);
        }

        if (lines.TrueForAll(l => l.Norm.Length == 0))
        {
            throw new InputException("no text: the file holds only white space");
        }

        return new SourceDocument(documentId, path, SourceFormat.Text, sha256, encoding, null, lines);
    }

    /// <summary>
    /// The lines of UTF-8 text, each decoded from its own bytes (line ends and form feeds are single bytes that occur in no
    /// other character, so the text is valid exactly when every line is): null when a line is not valid UTF-8.
    /// </summary>
    private static List<DocLine>? ReadUtf8(ReadOnlySpan<byte> bytes)
    {
        var scratch = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1)); // UTF-8 never has fewer bytes than UTF-16 chars
        try
        {
            return Split(bytes, (byte)'\n', (byte)'\r', (byte)'\f', segment =>
            {
                if (segment.IsEmpty)
                {
                    return string.Empty;
                }

                var status = Utf8.ToUtf16(segment, scratch, out _, out var written, replaceInvalidSequences: false);
                return status == OperationStatus.Done ? new string(scratch, 0, written) : null;
            });
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    /// <summary>Builds the document lines from decoded text. Line numbers count line ends; a form feed starts a new page.</summary>
    public static List<DocLine> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text.AsSpan(), '\n', '\r', '\f', static s => s.ToString())!;
    }

    /// <summary>The text of a part of a line (characters, or bytes of UTF-8); null when the bytes are no text.</summary>
    private delegate string? SegmentText<T>(ReadOnlySpan<T> segment);

    /// <summary>
    /// The lines of a text given as characters or as UTF-8 bytes: CRLF, LF or CR end a line; a form feed starts a new
    /// page (and a new line with the same number). Null as soon as a part of a line is no text.
    /// </summary>
    private static List<DocLine>? Split<T>(ReadOnlySpan<T> text, T lineFeed, T carriageReturn, T formFeed, SegmentText<T> textOf)
        where T : IEquatable<T>
    {
        var result = new List<DocLine>(text.Count(lineFeed) + 1);
        int? page = text.Contains(formFeed) ? 1 : null;
        var number = 0;
        var start = 0;
        while (true)
        {
            var end = text[start..].IndexOfAny(lineFeed, carriageReturn);
            var i = end < 0 ? text.Length : start + end;
            number++;
            var physical = text[start..i];
            if (page is null)
            {
                if (textOf(physical) is not { } line)
                {
                    return null;
                }

                result.Add(MakeLine(result.Count, number, null, line));
            }
            else
            {
                var first = true;
                foreach (var range in physical.Split(formFeed))
                {
                    if (!first)
                    {
                        page++;
                    }

                    var segment = physical[range];
                    if (first || segment.Length > 0)
                    {
                        if (textOf(segment) is not { } line)
                        {
                            return null;
                        }

                        result.Add(MakeLine(result.Count, number, page, line));
                    }

                    first = false;
                }
            }

            if (i == text.Length)
            {
                return result;
            }

            if (text[i].Equals(carriageReturn) && i + 1 < text.Length && text[i + 1].Equals(lineFeed))
            {
                i++;
            }

            start = i + 1;
        }
    }

    /// <summary>The spaces a cell is trimmed of.</summary>
    private const string CellSpace = " \u3000";

    /// <summary>Empty cells by column, shared (a record is immutable; about a third of the cells of a table line are empty).</summary>
    private static readonly TextCell[] EmptyCells = [.. Enumerable.Range(0, 32).Select(c => new TextCell(string.Empty, c))];

    private static DocLine MakeLine(int index, int number, int? page, string raw)
    {
        if (raw.Contains('\t', StringComparison.Ordinal))
        {
            return MakeTabLine(index, number, page, raw);
        }

        var (t, isHeading) = InlineMarkup.Strip(raw);
        return new DocLine(index, number, page, t, TextNormalizer.Fold(t), null, isHeading);
    }

    /// <summary>
    /// A tab-separated line: its cells (markup stripped, trimmed of spaces) and the cells joined by tabs as its text. A cell
    /// without markup is sliced from the line as is; when no cell changed, the line itself is the joined text.
    /// </summary>
    private static DocLine MakeTabLine(int index, int number, int? page, string line)
    {
        var raw = line.AsSpan();
        var cells = new TextCell[raw.Count('\t') + 1];
        var heading = false;
        var unchanged = true;
        var col = 0;
        foreach (var range in raw.Split('\t'))
        {
            var part = raw[range];
            string cellText;
            if (InlineMarkup.IsPlain(part))
            {
                var trimmed = part.Trim(CellSpace);
                unchanged &= trimmed.Length == part.Length;
                cellText = trimmed.ToString();
            }
            else
            {
                var (stripped, h) = InlineMarkup.Strip(part.ToString());
                heading |= h && col == 0;
                cellText = stripped.Trim(' ', '\u3000');
                unchanged = false;
            }

            cells[col] = cellText.Length == 0 && col < EmptyCells.Length ? EmptyCells[col] : new TextCell(cellText, col);
            col++;
        }

        var joined = unchanged ? line : JoinCells(cells);
        return new DocLine(index, number, page, joined, TextNormalizer.Fold(joined), cells, heading);
    }

    private static string JoinCells(TextCell[] cells)
    {
        var length = cells.Length - 1;
        foreach (var c in cells)
        {
            length += c.Text.Length;
        }

        return string.Create(length, cells, static (span, cs) =>
        {
            var k = 0;
            for (var c = 0; c < cs.Length; c++)
            {
                if (c > 0)
                {
                    span[k++] = '\t';
                }

                cs[c].Text.CopyTo(span[k..]);
                k += cs[c].Text.Length;
            }
        });
    }
}
