using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Parts;

/// <summary>
/// Splits a document into its four parts by the meaning of its headings and the place of its tables. The tables part
/// is where the tables are (found by the table recognizer, before or after the text, with or without a heading of its
/// own); the text parts start at their headings — numbered parts (第一部分 … 概况, 第三部分 … 说明, 第四部分 名词解释, 第X部分：…)
/// or section headings (一、部门概况, …主要职能, 名词解释, 2026年单位预算编制说明) — outside the tables. A heading the meaning of
/// which is not clear (第二部分 收支情况) is an explanation part: the text that is neither the overview nor the glossary
/// explains the budget. A table of contents repeats every heading: its pages and lines start nothing. A part may come
/// back in several spans; a part the publisher does not print is simply absent.
/// </summary>
public static partial class PartSplitter
{
    private const int MaxHeadingLength = 60;

    [GeneratedRegex(@"^第\s*([一二三四五六七八九十1-9])\s*部\s*分")]
    private static partial Regex NumberedPart();

    /// <summary>Parts of a document without knowledge of its tables (the text parts only, and a tables heading if printed).</summary>
    public static IReadOnlyList<DocumentPart> Split(SourceDocument doc) => Split(doc, []);

    /// <param name="doc">The document.</param>
    /// <param name="tableSpans">The lines of each table found (start, end exclusive), in document order.</param>
    public static IReadOnlyList<DocumentPart> Split(SourceDocument doc, IReadOnlyList<(int Start, int End)> tableSpans)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(tableSpans);
        var contents = Contents.Pages(doc);
        var contentLines = Contents.Lines(doc);
        var tables = TablesRegion(doc, tableSpans, contents);
        var headings = Headings(doc, contents, contentLines, tables);
        var parts = new List<DocumentPart>();
        for (var i = 0; i < headings.Count; i++)
        {
            if (i > 0 && headings[i - 1].Kind == headings[i].Kind && !Between(tables, headings[i - 1].Line, headings[i].Line))
            {
                continue; // a sub-heading of the same part (主要职能 then 机构设置)
            }

            var j = i + 1;
            while (j < headings.Count && headings[j].Kind == headings[i].Kind && !Between(tables, headings[i].Line, headings[j].Line))
            {
                j++;
            }

            var end = j < headings.Count ? headings[j].Line : doc.Lines.Count;
            if (tables is { } t && t.Start > headings[i].Line && t.Start < end)
            {
                end = t.Start; // the text stops where the tables start
            }

            if (headings[i].Kind == PartKind.Tables && (tables is not null || !PrintsTables(doc, headings[i].Line, end)))
            {
                continue; // the tables part is where the tables are; a heading over a line or two (附件：…报表) points elsewhere
            }

            parts.Add(new DocumentPart(headings[i].Kind, headings[i].Text, headings[i].Line, end));
        }

        if (tables is { } span)
        {
            parts.Add(new DocumentPart(PartKind.Tables, span.Heading, span.Start, span.End));
        }

        return parts.OrderBy(p => p.StartLine).ToList();
    }

    /// <summary>A span prints tables when it holds grid rows or lines of amounts, not only a pointer to another file.</summary>
    private static bool PrintsTables(SourceDocument doc, int from, int to)
    {
        var amountLines = 0;
        for (var i = from; i < to; i++)
        {
            var line = doc.Lines[i];
            if (line.Cells is { Count: > 1 })
            {
                return true;
            }

            if (line.Norm.Split(' ').Count(t => t.Length > 0 && t.Any(char.IsAsciiDigit) && t.All(c => char.IsAsciiDigit(c) || c is '.' or ',')) >= 2 && ++amountLines >= 3)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Between((int Start, int End, string Heading)? tables, int a, int b) => tables is { } t && t.Start > a && t.Start < b;

    /// <summary>A line that starts a part other than the tables: 第三部分 …, or a section heading such as 名词解释 or 情况说明.</summary>
    public static bool IsPartHeading(string norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        if (norm.Length > MaxHeadingLength)
        {
            return false;
        }

        if (NumberedPart().IsMatch(norm))
        {
            return Classify(norm) != PartKind.Tables;
        }

        return LooksLikeSectionHeading(norm) && Classify(norm) is PartKind.Overview or PartKind.Explanation or PartKind.Glossary;
    }

    /// <summary>Classifies heading text (with the line after it, for wrapped headings) by meaning.</summary>
    public static PartKind? Classify(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var h = heading.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (h.Contains("名词解释", StringComparison.Ordinal) || h.Contains("名词说明", StringComparison.Ordinal))
        {
            return PartKind.Glossary;
        }

        if (h.Contains("项目概况", StringComparison.Ordinal))
        {
            return PartKind.Explanation; // a project's overview belongs to the project explanations, not to the unit's overview
        }

        if (h.Contains("公开表", StringComparison.Ordinal) || h.EndsWith("预算表", StringComparison.Ordinal) || h.EndsWith("决算表", StringComparison.Ordinal) || h.Contains("报表", StringComparison.Ordinal)
            || h.EndsWith("预算总表", StringComparison.Ordinal) || h.EndsWith("决算总表", StringComparison.Ordinal) || h.Contains("表格部分", StringComparison.Ordinal))
        {
            return PartKind.Tables;
        }

        if (h.Contains("说明", StringComparison.Ordinal))
        {
            return PartKind.Explanation;
        }

        if (h.Contains("概况", StringComparison.Ordinal) || h.Contains("主要职能", StringComparison.Ordinal) || h.Contains("职责", StringComparison.Ordinal)
            || h.Contains("机构设置", StringComparison.Ordinal) || h.Contains("简介", StringComparison.Ordinal) || h.Contains("基本情况", StringComparison.Ordinal))
        {
            return PartKind.Overview;
        }

        return null;
    }

    private sealed record Heading(int Line, PartKind Kind, string Text);

    /// <summary>
    /// The tables region: from the first table to the end of the last, starting at a heading that names the tables part
    /// when one stands just before the first table (第二部分 2026年部门预算表, 二、表格部分).
    /// </summary>
    private static (int Start, int End, string Heading)? TablesRegion(SourceDocument doc, IReadOnlyList<(int Start, int End)> spans, HashSet<int> contents)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        var heading = doc.Lines[start].Text.Trim();
        for (var i = start - 1; i >= 0 && i >= start - 6; i--)
        {
            var line = doc.Lines[i];
            if (line.Norm.Length == 0 || (line.Page is { } p && contents.Contains(p)))
            {
                continue;
            }

            if (line.Norm.Length <= MaxHeadingLength && Classify(line.Norm) == PartKind.Tables && !Contents.IsContentsLine(line.Norm))
            {
                (start, heading) = (i, line.Text.Trim());
                if (PreviousNonEmpty(doc, i) is { } above && NumberedPart().IsMatch(above.Norm) && Classify(above.Norm) is null or PartKind.Tables)
                {
                    // 第二部分 … / 2026年部门预算表: a numbered part heading wrapped over two lines
                    (start, heading) = (above.Index, above.Text.Trim() + line.Text.Trim());
                }
            }
        }

        return (start, end, heading);
    }

    /// <summary>The headings of the text parts in document order, outside the tables region and the contents.</summary>
    private static List<Heading> Headings(SourceDocument doc, HashSet<int> contents, HashSet<int> contentLines, (int Start, int End, string Heading)? tables)
    {
        var list = new List<Heading>();
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            var line = doc.Lines[i];
            var norm = line.Norm;
            if (norm.Length == 0 || norm.Length > MaxHeadingLength || (line.Page is { } page && contents.Contains(page)) || contentLines.Contains(i) || Contents.IsContentsLine(norm)
                || line.Cells is { Count: > 1 } || (tables is { } t && i >= t.Start && i < t.End))
            {
                continue;
            }

            if (NumberedPart().IsMatch(norm))
            {
                var text = norm;
                var kind = Classify(text);
                if (kind is null && NextNonEmpty(doc, i) is { } next && next.Norm.Length <= MaxHeadingLength)
                {
                    // the heading may wrap, or stand alone above its title: 第二部分 / 2026年部门预算表
                    kind = Classify(norm + next.Norm);
                }

                // a numbered part whose meaning is not plain (第二部分 收支情况) is text about the budget
                list.Add(new Heading(i, kind ?? (list.Count == 0 ? PartKind.Overview : PartKind.Explanation), line.Text.Trim()));
                continue;
            }

            if (LooksLikeSectionHeading(norm) && Classify(norm) is { } sectionKind)
            {
                list.Add(new Heading(i, sectionKind, line.Text.Trim()));
            }
        }

        return list;
    }

    /// <summary>A heading stands alone: it ends with the part's word, not in the middle of a sentence.</summary>
    private static bool LooksLikeSectionHeading(string norm)
    {
        var t = norm.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd(':', '：');
        if (t.Contains('。', StringComparison.Ordinal) || t.Contains('，', StringComparison.Ordinal) || t.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        string[] endings = ["名词解释", "主要职能", "主要职责", "机构设置", "概况", "编制说明", "情况说明", "预算表", "决算表", "公开表", "预算总表", "决算总表", "表格部分", "基本情况"];
        foreach (var e in endings)
        {
            if (t.EndsWith(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static DocLine? PreviousNonEmpty(SourceDocument doc, int index)
    {
        for (var i = index - 1; i >= 0 && i >= index - 3; i--)
        {
            if (doc.Lines[i].Norm.Length > 0)
            {
                return doc.Lines[i];
            }
        }

        return null;
    }

    private static DocLine? NextNonEmpty(SourceDocument doc, int index)
    {
        for (var i = index + 1; i < doc.Lines.Count && i <= index + 3; i++)
        {
            if (doc.Lines[i].Norm.Length > 0)
            {
                return doc.Lines[i];
            }
        }

        return null;
    }
}
