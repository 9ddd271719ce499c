using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Parts;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>A table's span of lines: the 表 number line or title at Start, its body from BodyStart, End exclusive; its kind and
/// the row set of its uncoded rows.</summary>
internal sealed record TableSegment(int TableNo, TableKind Kind, string Title, int Start, int BodyStart, int End, RowSet? Rows = null);

/// <summary>
/// Finds the tables of a document wherever they are printed (before or after the text, in a part of their own or
/// not): a title by meaning (catalog title rules), with or without a printed number before or above it (表1, 公开01表,
/// （一）, 一、 — the catalog's numbering styles). A candidate is a table only when a body follows it — amounts, or a
/// note that the table is empty — so a table of contents, a list of tables or a sentence naming a table is not one.
/// A table runs to the next table, a part heading, or (for tables whose rows the reader saw as cells) the prose after it.
/// A title repeated over a continuation page continues the table.
/// </summary>
internal static class TableSegmenter
{
    private const int MaxTitleLength = 60;

    /// <summary>How far below its title a table's first amount or empty-table note may be (header rows, unit line, page break).</summary>
    private const int MaxLinesToBody = 150;

    /// <summary>A table title found at Start; Kind is null for a title that ends the table before it without being one
    /// (a performance-target table, 绩效目标表, read by the explanation stage).</summary>
    private sealed record Candidate(int Start, int BodyStart, TableKind? Kind, string Title, string? Number);

    public static List<TableSegment> Find(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DisclosureCatalog catalog) =>
        Find(doc, catalog, Contents.Pages(doc), Contents.Lines(doc));

    /// <summary>The tables of the document for one catalog, its contents pages and lines given (they hold for every catalog).</summary>
    public static List<TableSegment> Find(SourceDocument doc, DisclosureCatalog catalog, HashSet<int> contents, HashSet<int> contentLines)
    {
        var candidates = Candidates(doc, catalog, contents, contentLines);
        var result = new List<TableSegment>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var limit = i + 1 < candidates.Count ? candidates[i + 1].Start : doc.Lines.Count;
            if (c.Kind is null || !(HasBody(doc, c.BodyStart, limit, c.Kind) || (c.Number is not null && HasHeaderOnly(doc, c.BodyStart, limit))))
            {
                continue;
            }

            var end = EndOf(doc, c.BodyStart, limit);
            if (result.Count > 0 && IsContinuation(result[^1], c))
            {
                result[^1] = result[^1] with { End = end };
                continue;
            }

            result.Add(new TableSegment(c.Kind.Number, c.Kind, c.Title, c.Start, c.BodyStart, end, catalog.RowSetOf(c.Kind)));
        }

        // a candidate dropped for want of a body lets the table before it run on: bound it again, also by the titles
        // of tables that are not tables of amounts (a 绩效目标表 after the last budget table)
        for (var i = 0; i < result.Count; i++)
        {
            var next = i + 1 < result.Count ? result[i + 1].Start : doc.Lines.Count;
            var stop = candidates.FirstOrDefault(c => c.Kind is null && c.Start > result[i].BodyStart && c.Start < next);
            var end = Math.Min(result[i].End, stop?.Start ?? next);
            if (end != result[i].End)
            {
                result[i] = result[i] with { End = end };
            }
        }

        return result;
    }

    /// <summary>Every line that starts a table title (with its number, if printed), in document order.</summary>
    private static List<Candidate> Candidates(SourceDocument doc, DisclosureCatalog catalog, HashSet<int> contents, HashSet<int> contentLines)
    {
        var list = new List<Candidate>();
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            var line = doc.Lines[i];
            var norm = line.Norm;
            if (norm.Length == 0 || (line.Page is { } p && contents.Contains(p)) || contentLines.Contains(i) || HasSeveralCells(line))
            {
                continue;
            }

            // only a numbered line or one that looks like a title can start a table (the contents test, a regex, last)
            var number = catalog.TableNumber(norm);
            if ((number is null && !LooksLikeTitle(norm)) || Contents.IsContentsLine(norm))
            {
                continue;
            }

            if (number is { } numbered)
            {
                if (TitleAt(doc, i, numbered.Remainder, catalog) is { } t)
                {
                    list.Add(new Candidate(i, t.BodyStart, t.Kind, t.Title, numbered.Number));
                    i = t.BodyStart - 1;
                }
                else if (IsOtherTitle(numbered.Remainder.Length > 0 ? numbered.Remainder : NextText(doc, i), catalog))
                {
                    list.Add(new Candidate(i, i + 1, null, TextNormalizer.RemoveWhiteSpace(line.Text), numbered.Number));
                }

                continue;
            }

            // here the line is unnumbered and looks like a title (else it was passed over above)
            if (Classify(norm, catalog) is { } kind)
            {
                var (k, title, body) = Qualified(doc, i + 1, kind, norm, TextNormalizer.RemoveWhiteSpace(line.Text), catalog);
                list.Add(new Candidate(i, body, k, title, null));
            }
            else if (IsOtherTitle(norm, catalog))
            {
                list.Add(new Candidate(i, i + 1, null, TextNormalizer.RemoveWhiteSpace(line.Text), null));
            }
        }

        return list;
    }

    /// <summary>The title after a printed number: on the same line, or on the next lines (it may wrap).</summary>
    private static (TableKind Kind, string Title, int BodyStart)? TitleAt(SourceDocument doc, int i, string remainder, DisclosureCatalog catalog)
    {
        if (remainder.Length > 0)
        {
            if (!LooksLikeTitle(remainder))
            {
                return null;
            }

            var kind = Classify(remainder, catalog);
            var title = PrintedRemainder(doc.Lines[i].Text, remainder);
            if (kind is null && i + 1 < doc.Lines.Count && doc.Lines[i + 1] is { Cells: null } next && next.Norm.Length is > 0 and <= MaxTitleLength)
            {
                // a title wrapped onto the next line: 一般公共预算支出明细表（按支出功能 / 分类科目）
                kind = Classify(remainder + next.Norm, catalog);
                return kind is null ? null : (kind, title + TextNormalizer.RemoveWhiteSpace(next.Text), i + 2);
            }

            return kind is null ? null : Qualified(doc, i + 1, kind, remainder, title, catalog);
        }

        var acc = string.Empty;
        var printed = string.Empty;
        var seen = 0;
        for (var j = i + 1; j < doc.Lines.Count && seen < 3; j++)
        {
            var line = doc.Lines[j];
            if (line.Norm.Length == 0)
            {
                continue;
            }

            seen++;
            if (line.Norm.Length > MaxTitleLength || HasSeveralCells(line) || LineSyntax.IsUnitLine(line.Norm))
            {
                return null;
            }

            acc += line.Norm;
            printed += TextNormalizer.RemoveWhiteSpace(line.Text);
            if (Classify(acc, catalog) is { } kind)
            {
                return Qualified(doc, j + 1, kind, acc, printed, catalog);
            }
        }

        return null;
    }

    /// <summary>
    /// A title followed by a line in brackets that qualifies it (一般公共预算支出明细表 / （按经济分类科目分）): the whole title,
    /// and the kind it names (a different kind only when the whole title names one); the body starts after it.
    /// </summary>
    private static (TableKind Kind, string Title, int BodyStart) Qualified(SourceDocument doc, int next, TableKind kind, string norm, string printed, DisclosureCatalog catalog)
    {
        if (next < doc.Lines.Count && doc.Lines[next] is { Cells: null } line && line.Norm.Trim() is { Length: > 2 and <= MaxTitleLength } q
            && q[0] is '(' or '（' && q[^1] is ')' or '）' && !LineSyntax.IsUnitLine(line.Norm))
        {
            return (Classify(norm + q, catalog) ?? kind, printed + TextNormalizer.RemoveWhiteSpace(line.Text), next + 1);
        }

        return (kind, printed, next);
    }

    /// <summary>The kind a title names; a title the catalog does not know is <c>other</c> when it reads as a table of amounts.</summary>
    private static TableKind? Classify(string title, DisclosureCatalog catalog)
    {
        if (catalog.ClassifyTitle(title) is { } kind)
        {
            return kind;
        }

        var t = TextNormalizer.RemoveWhiteSpace(title);
        var endsAsTable = t.EndsWith('表') || (t.Contains('表', StringComparison.Ordinal) && t.EndsWith(')'));
        return endsAsTable && !catalog.NotTableWords.Any(w => t.Contains(w, StringComparison.Ordinal)) && catalog.OtherTableWords.Any(w => t.Contains(w, StringComparison.Ordinal))
            ? catalog.Other
            : null;
    }

    private static string NextText(SourceDocument doc, int i)
    {
        for (var j = i + 1; j < doc.Lines.Count && j <= i + 3; j++)
        {
            if (doc.Lines[j].Norm.Length > 0)
            {
                return doc.Lines[j].Norm;
            }
        }

        return string.Empty;
    }

    /// <summary>The title of a table that is not one of amounts (绩效目标表): it ends the table before it.</summary>
    private static bool IsOtherTitle(string norm, DisclosureCatalog catalog)
    {
        var t = TextNormalizer.RemoveWhiteSpace(norm);
        return t.EndsWith('表') && catalog.NotTableWords.Any(w => t.Contains(w, StringComparison.Ordinal)) && !t.Contains("目录", StringComparison.Ordinal);
    }

    /// <summary>A short line that names a table, not a sentence that mentions one.</summary>
    private static bool LooksLikeTitle(string norm)
    {
        if (!norm.Contains('表', StringComparison.Ordinal))
        {
            return false; // most lines: decided before the white space is removed
        }

        var t = TextNormalizer.RemoveWhiteSpace(norm);
        return t.Length is > 2 and <= MaxTitleLength
            && !t.Contains('，', StringComparison.Ordinal) && !t.Contains(',', StringComparison.Ordinal) && !t.Contains('。', StringComparison.Ordinal)
            && !t.StartsWith("注", StringComparison.Ordinal) && !t.Contains("详见", StringComparison.Ordinal) && !t.Contains("见附", StringComparison.Ordinal);
    }

    private static bool HasSeveralCells(DocLine line)
    {
        if (line.Cells is not { Count: > 1 } cells)
        {
            return false;
        }

        var filled = 0;
        foreach (var c in cells)
        {
            filled += c.Text.Trim().Length > 0 ? 1 : 0;
        }

        return filled > 1;
    }

    /// <summary>The printed title after the number: "公开02表 收入总表" → 收入总表.</summary>
    private static string PrintedRemainder(string printed, string remainder)
    {
        var p = TextNormalizer.RemoveWhiteSpace(printed);
        var r = TextNormalizer.RemoveWhiteSpace(remainder);
        return p.Length >= r.Length ? p[(p.Length - r.Length)..] : r;
    }

    /// <summary>A numbered table printed blank: a ruled header (a line of at least three cells, two of them labels) and no
    /// rows before the next table (Xi'an 表9 政府性基金收支表, 表11 财政拨款结转资金支出表 with nothing to list).</summary>
    private static bool HasHeaderOnly(SourceDocument doc, int from, int to)
    {
        var limit = Math.Min(to, from + MaxLinesToBody);
        for (var i = from; i < limit; i++)
        {
            if (doc.Lines[i].Cells is { Count: >= 3 } cells && cells.Count(c => TextNormalizer.ContainsCjk(c.Text)) >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Amounts (in cells, or a line of a flattened row), a note that the table is empty, or a header whose cells name
    /// at least two of the kind's columns (a table printed blank, as in a template) follow the title.
    /// </summary>
    private static bool HasBody(SourceDocument doc, int from, int to, TableKind kind)
    {
        var limit = Math.Min(to, from + MaxLinesToBody);
        var tokens = new List<Tok>(8);
        for (var i = from; i < limit; i++)
        {
            var line = doc.Lines[i];
            if (line.Norm.Length == 0)
            {
                continue;
            }

            if (IsEmptyTableNote(line.Norm))
            {
                return true;
            }

            if (line.Cells is { Count: > 1 } cells)
            {
                var named = 0;
                foreach (var c in cells)
                {
                    if (LineSyntax.IsAmount(TextNormalizer.Fold(c.Text).Trim()))
                    {
                        return true;
                    }

                    named += kind.Shape != TableShape.Other && HeaderColumns.MatchCell(kind, c.Text) is not null ? 1 : 0;
                }

                if (named >= 2)
                {
                    return true;
                }

                continue;
            }

            if (line.Norm.Contains('，', StringComparison.Ordinal) || line.Norm.Contains('。', StringComparison.Ordinal) || line.Norm.Contains("万元", StringComparison.Ordinal))
            {
                continue; // a sentence that cites amounts is not a row
            }

            var toks = LineSyntax.Tokenize(line.Text, tokens);
            var amounts = 0;
            foreach (var t in toks)
            {
                amounts += LineSyntax.IsAmount(t.Folded) ? 1 : 0;
            }

            if (amounts > 0 && (amounts >= 2 || LineSyntax.CodeTokens(toks) is not null || LineSyntax.IsTotalLabel(toks[0].Folded)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEmptyTableNote(string norm)
    {
        var t = TextNormalizer.RemoveWhiteSpace(norm);
        return t.Contains("空表", StringComparison.Ordinal) || t.Contains("无数据", StringComparison.Ordinal) || t.Contains("本表无", StringComparison.Ordinal)
            || t.Contains("无发生额", StringComparison.Ordinal) || t.Contains("不涉及", StringComparison.Ordinal);
    }

    /// <summary>
    /// Where a table ends before the next one: at a part heading (第三部分 …, 名词解释), or — for a table whose rows the
    /// reader saw as cells — where prose starts after its last row.
    /// </summary>
    private static int EndOf(SourceDocument doc, int from, int to)
    {
        var lastCells = -1;
        var prose = 0;
        HashSet<string>? header = null;
        int? headerPage = null;
        for (var i = from; i < to; i++)
        {
            var line = doc.Lines[i];
            if (line.Norm.Length == 0)
            {
                continue;
            }

            if (PartSplitter.IsPartHeading(line.Norm))
            {
                return i;
            }

            if (line.Cells is { Count: > 1 } cells)
            {
                // a new page whose grid starts with a header sharing no label with the table's is another table
                // (a performance-target table printed without its title)
                // (the labels are read only where they are used: until the first header, and on a new page)
                if (header is null)
                {
                    if (HeaderLabels(cells) is { } first)
                    {
                        (header, headerPage) = (first, line.Page);
                    }
                }
                else if (lastCells >= 0 && line.Page != headerPage && line.Page != doc.Lines[lastCells].Page
                    && HeaderLabels(cells) is { Count: >= 2 } labels && !labels.Overlaps(header))
                {
                    return i;
                }

                lastCells = i;
                prose = 0;
                continue;
            }

            if (lastCells >= 0 && IsProse(line.Norm) && ++prose >= 3)
            {
                // back to the first prose line after the table's last row
                var end = i;
                while (end > lastCells + 1 && IsProse(doc.Lines[end - 1].Norm))
                {
                    end--;
                }

                return end;
            }
        }

        return to;
    }

    /// <summary>The labels of a header row (cells with text and no amount), or null when the row holds an amount.</summary>
    private static HashSet<string>? HeaderLabels(IReadOnlyList<TextCell> cells)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cells)
        {
            var t = TextNormalizer.Squeeze(c.Text);
            if (t.Length == 0)
            {
                continue;
            }

            if (LineSyntax.IsAmount(t))
            {
                return null;
            }

            labels.Add(t);
        }

        return labels;
    }

    /// <summary>A line of running text: long, or with the punctuation of a sentence, and no note to the table.</summary>
    private static bool IsProse(string norm)
    {
        var t = TextNormalizer.RemoveWhiteSpace(norm);
        if (t.Length == 0 || LineSyntax.IsNoteStart(t) || t.StartsWith("说明", StringComparison.Ordinal))
        {
            return false;
        }

        return t.Length >= 24 || t.Contains('。', StringComparison.Ordinal) || t.Contains('，', StringComparison.Ordinal);
    }

    /// <summary>
    /// The same table again on a continuation page: same kind and title (or 续表), nothing else between; or a title the
    /// catalog does not know that is the end of the previous table's (a repeated title whose first line the page lost:
    /// 预算表（不含上年结转） after 政府采购（资产配置、购买服务）预算表（不含上年结转）).
    /// </summary>
    private static bool IsContinuation(TableSegment previous, Candidate c)
    {
        if (c.Kind is { Shape: TableShape.Other } && c.Title.Length >= 4 && previous.Kind.Shape != TableShape.Other
            && previous.Title.EndsWith(c.Title, StringComparison.Ordinal))
        {
            return true;
        }

        if (c.Kind is null || previous.Kind.Key != c.Kind.Key || (c.Kind.Shape == TableShape.Other && previous.Title != c.Title))
        {
            return false;
        }

        return previous.Title == c.Title || c.Title.Contains("续", StringComparison.Ordinal);
    }
}
