using System.Text.RegularExpressions;
using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>A table's span of lines: the 表 number line or title at Start, its body from BodyStart, End exclusive.</summary>
/// <summary>A table's span of lines: the 表 number line or title at Start, its body from BodyStart, End exclusive; its kind and
/// the row set of its uncoded rows.</summary>
internal sealed record TableSegment(int TableNo, TableKind Kind, string Title, int Start, int BodyStart, int End, RowSet? Rows = null);

/// <summary>
/// Finds the budget tables in the tables part: a "表 N" line with its title on the same or the next lines, or (layouts
/// without numbers) a short line that is a table title by meaning. A table runs to the next table or the end of the part.
/// </summary>
internal static partial class TableSegmenter
{
    private const int MaxTitleLength = 48;

    [GeneratedRegex(@"^表\s*(?<n>\d{1,2})(?!\d)\s*[:：.、]?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(…{2,}|\.{4,}|·{4,})", RegexOptions.CultureInvariant)]
    private static partial Regex TocLeader();

    public static List<TableSegment> Find(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DisclosureCatalog catalog)
    {
        var spans = parts.Where(p => p.Kind == PartKind.Tables).Select(p => (p.StartLine, p.EndLine)).ToList();
        if (spans.Count == 0)
        {
            spans.Add((0, doc.Lines.Count));
        }

        var result = new List<TableSegment>();
        foreach (var (from, to) in spans)
        {
            var starts = NumberedStarts(doc, from, to, catalog);
            if (starts.Count == 0)
            {
                starts = TitleStarts(doc, from, to, catalog);
            }

            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1].Start : to;
                result.Add(starts[i] with { End = end, Rows = catalog.RowSetOf(starts[i].Kind) });
            }
        }

        return result;
    }

    private static List<TableSegment> NumberedStarts(SourceDocument doc, int from, int to, DisclosureCatalog catalog)
    {
        var list = new List<TableSegment>();
        for (var i = from; i < to; i++)
        {
            var line = doc.Lines[i];
            if (!line.Norm.StartsWith('表'))
            {
                continue; // the pattern starts there
            }

            var m = NumberLine().Match(line.Norm);
            if (!m.Success || TocLeader().IsMatch(line.Norm))
            {
                continue;
            }

            var rest = m.Groups["rest"].Value.Trim();
            TableKind? kind = null;
            var title = string.Empty;
            var body = i + 1;
            if (rest.Length > 0)
            {
                kind = catalog.ClassifyTitle(rest);
                title = PrintedRest(line.Text);
            }

            // the title on the next non-empty lines (it may wrap)
            var seen = 0;
            var acc = string.Empty;
            for (var j = i + 1; kind is null && j < to && seen < 3; j++)
            {
                var t = doc.Lines[j].Norm;
                if (t.Length == 0)
                {
                    continue;
                }

                seen++;
                if (t.Length > MaxTitleLength || LineSyntax.IsUnitLine(t))
                {
                    break;
                }

                acc += doc.Lines[j].Text.Trim();
                kind = catalog.ClassifyTitle(acc);
                if (kind is not null)
                {
                    title = Text.TextNormalizer.RemoveWhiteSpace(acc);
                    body = j + 1;
                }
            }

            if (kind is null)
            {
                continue; // "表 N" in running text, not a table
            }

            // table_no follows the meaning, not the printed number (Shanghai prints 政府性基金 as 6, the schema has it as 8)
            list.Add(new TableSegment(kind.Number, kind, title, i, body, to));
        }

        return list;
    }

    private static string PrintedRest(string text)
    {
        var t = text.Trim();
        var k = t.IndexOf('表', StringComparison.Ordinal);
        var s = k >= 0 ? t[(k + 1)..] : t;
        s = s.TrimStart(' ', '\u3000', ':', '：', '.', '、');
        while (s.Length > 0 && (char.IsDigit(s[0]) || s[0] is ' ' or ':' or '：' or '、' or '.'))
        {
            s = s[1..];
        }

        return Text.TextNormalizer.RemoveWhiteSpace(s);
    }

    private static List<TableSegment> TitleStarts(SourceDocument doc, int from, int to, DisclosureCatalog catalog)
    {
        var list = new List<TableSegment>();
        for (var i = from; i < to; i++)
        {
            var line = doc.Lines[i];
            var t = Text.TextNormalizer.RemoveWhiteSpace(line.Norm);
            if (t.Length == 0 || t.Length > MaxTitleLength || !t.EndsWith('表') || TocLeader().IsMatch(line.Norm)
                || t.Contains('，', StringComparison.Ordinal) || t.Contains('。', StringComparison.Ordinal))
            {
                continue;
            }

            var kind = catalog.ClassifyTitle(t);
            if (kind is not null)
            {
                list.Add(new TableSegment(kind.Number, kind, Text.TextNormalizer.RemoveWhiteSpace(line.Text), i, i + 1, to));
            }
        }

        return list;
    }
}
