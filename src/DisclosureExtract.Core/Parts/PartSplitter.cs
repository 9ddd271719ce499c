using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Parts;

/// <summary>
/// Splits a document into its four parts by the meaning of its headings. Two layouts are known:
/// numbered parts (第一部分 … 概况, 第二部分 … 公开表, 第三部分 … 说明, 第四部分 名词解释), where a
/// table of contents may repeat every heading first; and section lists without parts (Shanghai:
/// 一、部门主要职能 … 三、名词解释 … 五、部门预算表 …), where a part can come back in several spans and
/// the tables part starts at the first table title (部门财务收支预算总表) when 五、部门预算表 is printed only in the contents.
/// </summary>
public static partial class PartSplitter
{
    private const int MaxHeadingLength = 60;

    [GeneratedRegex(@"^第\s*([一二三四五六七八九十1-9])\s*部\s*分")]
    private static partial Regex NumberedPart();

    [GeneratedRegex(@"(…{2,}|\.{4,}|·{4,})")]
    private static partial Regex TocLeader();

    public static IReadOnlyList<DocumentPart> Split(SourceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var contents = ContentsPages(doc);
        var numbered = NumberedHeadings(doc, contents);
        return numbered.Count > 0 ? FromNumbered(doc, numbered, contents) : FromSections(doc, contents);
    }

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
            || h.EndsWith("预算总表", StringComparison.Ordinal) || h.EndsWith("决算总表", StringComparison.Ordinal))
        {
            return PartKind.Tables;
        }

        if (h.Contains("说明", StringComparison.Ordinal))
        {
            return PartKind.Explanation;
        }

        if (h.Contains("概况", StringComparison.Ordinal) || h.Contains("主要职能", StringComparison.Ordinal) || h.Contains("职责", StringComparison.Ordinal)
            || h.Contains("机构设置", StringComparison.Ordinal) || h.Contains("简介", StringComparison.Ordinal))
        {
            return PartKind.Overview;
        }

        return null;
    }

    private sealed record Heading(int Line, PartKind Kind, string Text);

    private static List<Heading> NumberedHeadings(SourceDocument doc, HashSet<int> contents)
    {
        var list = new List<Heading>();
        foreach (var line in doc.Lines)
        {
            if (line.Page is { } page && contents.Contains(page))
            {
                continue;
            }

            var norm = line.Norm;
            if (norm.Length > MaxHeadingLength || !norm.Contains('部', StringComparison.Ordinal) || TocLeader().IsMatch(norm))
            {
                continue;
            }

            var m = NumberedPart().Match(norm);
            if (!m.Success)
            {
                continue;
            }

            var text = norm;
            var kind = Classify(text);
            if (kind is null)
            {
                // the heading may wrap: 第二部分 2023 年…医疗保障局 / 预算公开表
                var next = NextNonEmpty(doc, line.Index);
                if (next is not null && next.Norm.Length <= MaxHeadingLength)
                {
                    text = norm + next.Norm;
                    kind = Classify(text);
                }
            }

            kind ??= m.Groups[1].Value switch
            {
                "一" or "1" => PartKind.Overview,
                "二" or "2" => PartKind.Tables,
                "三" or "3" => PartKind.Explanation,
                "四" or "4" => PartKind.Glossary,
                _ => null,
            };
            if (kind is { } k)
            {
                list.Add(new Heading(line.Index, k, line.Text.Trim()));
            }
        }

        return list;
    }

    /// <summary>
    /// Numbered parts follow each other in a fixed order; a table of contents repeats them first.
    /// Walking back from the end, each part is the last heading of its kind before the part after it.
    /// </summary>
    private static List<DocumentPart> FromNumbered(SourceDocument doc, List<Heading> headings, HashSet<int> contents)
    {
        PartKind[] order = [PartKind.Overview, PartKind.Tables, PartKind.Explanation, PartKind.Glossary];
        var chosen = new List<Heading>();
        var limit = int.MaxValue;
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var h = headings.LastOrDefault(x => x.Kind == order[k] && x.Line < limit);
            if (h is not null)
            {
                chosen.Insert(0, h);
                limit = h.Line;
            }
        }

        FillUnnumberedTables(doc, chosen, contents);
        var parts = new List<DocumentPart>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var end = i + 1 < chosen.Count ? chosen[i + 1].Line : doc.Lines.Count;
            parts.Add(new DocumentPart(chosen[i].Kind, chosen[i].Text, chosen[i].Line, end));
        }

        return parts;
    }

    /// <summary>Section layout: every short heading line that names a part starts a span of that part.</summary>
    private static List<DocumentPart> FromSections(SourceDocument doc, HashSet<int> contents)
    {
        var heads = new List<Heading>();
        foreach (var line in doc.Lines)
        {
            if (line.Page is { } page && contents.Contains(page))
            {
                continue;
            }

            var norm = line.Norm;
            if (norm.Length == 0 || norm.Length > MaxHeadingLength || !LooksLikeSectionHeading(norm) || TocLeader().IsMatch(norm))
            {
                continue;
            }

            if (Classify(norm) is { } kind)
            {
                heads.Add(new Heading(line.Index, kind, line.Text.Trim()));
            }
        }

        var parts = new List<DocumentPart>();
        for (var i = 0; i < heads.Count; i++)
        {
            if (i > 0 && heads[i - 1].Kind == heads[i].Kind)
            {
                continue; // a sub-heading of the same part (主要职能 then 机构设置)
            }

            var j = i + 1;
            while (j < heads.Count && heads[j].Kind == heads[i].Kind)
            {
                j++;
            }

            var end = j < heads.Count ? heads[j].Line : doc.Lines.Count;
            parts.Add(new DocumentPart(heads[i].Kind, heads[i].Text, heads[i].Line, end));
        }

        return parts;
    }

    /// <summary>A heading stands alone: it ends with the part's word, not in the middle of a sentence.</summary>
    private static bool LooksLikeSectionHeading(string norm)
    {
        var t = norm.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd(':', '：');
        if (t.Contains('。', StringComparison.Ordinal) || t.Contains('，', StringComparison.Ordinal) || t.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        string[] endings = ["名词解释", "主要职能", "机构设置", "概况", "编制说明", "情况说明", "预算表", "决算表", "公开表", "预算总表", "决算总表"];
        foreach (var e in endings)
        {
            if (t.EndsWith(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Some documents print 第二部分 only in their contents: the tables then start at the first table
    /// title (…决算表, …预算总表) between the overview and the explanations.
    /// </summary>
    private static void FillUnnumberedTables(SourceDocument doc, List<Heading> chosen, HashSet<int> contents)
    {
        var overview = chosen.FindIndex(h => h.Kind == PartKind.Overview);
        if (overview < 0 || chosen.Any(h => h.Kind == PartKind.Tables))
        {
            return;
        }

        var end = overview + 1 < chosen.Count ? chosen[overview + 1].Line : doc.Lines.Count;
        for (var i = chosen[overview].Line + 1; i < end; i++)
        {
            var line = doc.Lines[i];
            if (line.Cells is null && (line.Page is not { } page || !contents.Contains(page)) && line.Norm.Length <= MaxHeadingLength
                && !TocLeader().IsMatch(line.Norm) && LooksLikeSectionHeading(line.Norm) && Classify(line.Norm) == PartKind.Tables)
            {
                chosen.Insert(overview + 1, new Heading(i, PartKind.Tables, line.Text.Trim()));
                return;
            }
        }
    }

    /// <summary>
    /// Pages (where the reader knows them, as in a PDF) that start with 目录: a table of contents repeats
    /// every heading, with or without dot leaders, and none of its lines starts a part.
    /// </summary>
    private static HashSet<int> ContentsPages(SourceDocument doc)
    {
        var pages = new HashSet<int>();
        foreach (var line in doc.Lines)
        {
            if (line.Page is { } page && line.Number <= 3
                && line.Norm.Replace(" ", string.Empty, StringComparison.Ordinal) is "目录" or "目次")
            {
                pages.Add(page);
            }
        }

        return pages;
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
