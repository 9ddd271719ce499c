using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Facts;

/// <summary>Reads unit name, budget year, scope and staffing from the document's text.</summary>
public static partial class FactsExtractor
{
    [GeneratedRegex(@"(?:编制单位|编制部门|预算主管部门|预算单位|单位名称|部门名称|部门\s*[（(]\s*单位\s*[)）]|^\s*部门|^\s*单位)\s*[:：]\s*(?<name>[^\s:：]+?)\s*(?:(?:金额)?单位\s*[:：]|$)")]
    private static partial Regex PreparedBy();

    /// <summary>A unit line of a table that prints its unit's code before the name: "341-湖州市财政局 单位：万元".</summary>
    [GeneratedRegex(@"^\s*\d{3,9}\s*[-_－]\s*(?<name>[^\s:：\d]{3,}?)\s*(?:(?:金额)?单位\s*[:：]|$)")]
    private static partial Regex CodedUnit();

    /// <summary>A cover title with the name before the year: 湖州市财政局 2026 年部门预算, 北京市审计局2026年度部门预算信息公开.</summary>
    [GeneratedRegex(@"^(?<name>[^\d:：，。]{3,40}?)(?:20\d{2})年度?(?<scope>部门|单位)?(?:综合)?(?:预算|决算)")]
    private static partial Regex CoverNameFirst();

    /// <summary>A cover title with the year first: 2026年深圳市公安局（本级）部门预算, 2026年度无锡市交通运输局（本级）单位预算公开.</summary>
    [GeneratedRegex(@"^(?:20\d{2})年度?(?<name>[^\d:：，。]{3,40}?)(?<scope>部门|单位)?(?:综合)?(?:预算|决算)")]
    private static partial Regex CoverYearFirst();

    // a year and the 预算/决算 it names, up to 16 characters apart in a title: 2025年部门财务收支预算总表, 2023 年单位预算公开
    [GeneratedRegex(@"(?<year>20\d{2})\s*年\s*(?:度\s*)?[^\d,，。;；:：]{0,16}?(?<kind>预算|决算)")]
    private static partial Regex YearKind();

    [GeneratedRegex(@"(?<scope>部门|单位)\s*(?:预算|决算)\s*(?:公开|情况说明|编制说明)|(?<scope>部门|单位)\s*(?:收支总体情况表|收入总体情况表|支出总体情况表|财务收支预算总表)")]
    private static partial Regex ScopeMention();

    [GeneratedRegex(@"编制(?:数|人数)\s*(?:为)?\s*(?<n>\d+)")]
    private static partial Regex Authorized();

    [GeneratedRegex(@"实有(?:人数|人员)\s*(?:为)?\s*(?<n>\d+)")]
    private static partial Regex Actual();

    [GeneratedRegex(@"(?<what>在职|退休|离休)(?:人员)?\s*(?<n>\d+)\s*人")]
    private static partial Regex StaffGroup();

    [GeneratedRegex(@"^(?<name>.+?)\s*20\d{2}\s*年\s*(?:度\s*)?(?:部门|单位)?\s*(?:预算|决算)")]
    private static partial Regex TitleName();

    public static (DocumentFacts Facts, IReadOnlyList<Finding> Findings) Extract(SourceDocument doc, IReadOnlyList<DocumentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        var findings = new List<Finding>();
        var cover = Cover(doc);
        var (unit, unitLine) = UnitName(doc, cover);
        var (year, kind) = YearAndKind(doc);
        var scope = cover.Scope ?? Scope(doc);
        var staffing = ReadStaffing(doc, parts, findings);
        return (new DocumentFacts(unit, year, scope, kind, staffing, unitLine), findings);
    }

    /// <summary>预算 or 决算: what the document's titles say it is (null when they say neither).</summary>
    public static string? KindWord(SourceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return YearAndKind(doc).Kind;
    }

    /// <summary>What the cover says: the unit's name and the scope (部门/单位) of its title, and the line they start on.</summary>
    private sealed record CoverTitle(string? Name, string? Scope, int Line);

    /// <summary>
    /// The cover title: the lines before the contents or the first part heading (at most eight, on the first page of a
    /// PDF), run together because titles wrap anywhere (2026年深圳市公安局（本级）部门预 / 算). The name stands before the
    /// year (湖州市财政局 2026 年部门预算) or between the year and 部门/单位预算 (2026年度 / 无锡市交通运输局（本级） / 单位预算公开).
    /// </summary>
    private static CoverTitle Cover(SourceDocument doc)
    {
        var sb = new StringBuilder();
        var first = -1;
        foreach (var line in doc.Lines.Take(12))
        {
            var t = Text.TextNormalizer.RemoveWhiteSpace(line.Norm);
            if (line.Page is > 1 || t is "目录" or "目次" || t.StartsWith("第一部分", StringComparison.Ordinal) || (line.Cells is { Count: > 1 } && sb.Length > 0))
            {
                break;
            }

            if (t.Length == 0 || t.StartsWith("附件", StringComparison.Ordinal) || t.Contains("部分", StringComparison.Ordinal))
            {
                continue;
            }

            first = first < 0 ? line.Index : first;
            sb.Append(t);
            if (sb.Length > 80)
            {
                break;
            }
        }

        var text = sb.ToString();
        foreach (var m in new[] { CoverNameFirst().Match(text), CoverYearFirst().Match(text) })
        {
            if (m.Success && IsUnitName(m.Groups["name"].Value))
            {
                return new CoverTitle(m.Groups["name"].Value, m.Groups["scope"].Success ? m.Groups["scope"].Value : null, Math.Max(first, 0));
            }
        }

        return new CoverTitle(null, null, Math.Max(first, 0));
    }

    /// <summary>A unit's name: not a place or a budget level (上海市, 上海市普陀区, …市级), a unit of money or the start of a sentence.</summary>
    private static bool IsUnitName(string name) =>
        name.Length >= 3 && name is not ("万元" or "元" or "千元") && name[^1] is not ('市' or '省' or '区' or '县' or '级')
        && !name.StartsWith("纳入", StringComparison.Ordinal) && !name.StartsWith("关于", StringComparison.Ordinal);

    /// <summary>
    /// The most frequent 编制单位 / 部门名称 / 单位 value of the table headers (a wrapped one is shorter and loses), with the
    /// unit lines that print the unit's code first (341-湖州市财政局); else the name on the cover; else a title line.
    /// </summary>
    private static (string? Name, int? Line) UnitName(SourceDocument doc, CoverTitle cover)
    {
        var counts = new Dictionary<string, (int Count, int Line)>(StringComparer.Ordinal);
        foreach (var line in doc.Lines)
        {
            if (line.Norm.AsSpan().IndexOfAny(':', '：') < 0)
            {
                continue; // the pattern needs the colon after the label (one scan, before the label look-ups)
            }

            if (!line.Norm.Contains("单位", StringComparison.Ordinal) && !line.Norm.Contains("部门", StringComparison.Ordinal))
            {
                continue; // every label names 单位 or 部门, and a coded unit line ends with 单位：万元
            }

            var m = PreparedBy().Match(line.Norm.Replace('\t', ' '));
            if (!m.Success)
            {
                m = CodedUnit().Match(line.Norm.Replace('\t', ' '));
            }

            if (!m.Success)
            {
                continue;
            }

            var name = m.Groups["name"].Value.Trim();
            if (name.Length < 2 || !IsUnitName(name))
            {
                continue;
            }

            counts[name] = counts.TryGetValue(name, out var c) ? (c.Count + 1, c.Line) : (1, line.Index);
        }

        if (counts.Count > 0)
        {
            var best = counts.OrderByDescending(kv => kv.Value.Count).ThenByDescending(kv => kv.Key.Length).First();

            // a header that shortens the name (511-退役军人事务局) under a cover that prints it whole
            return cover.Name is { } whole && whole.Length > best.Key.Length && whole.EndsWith(best.Key, StringComparison.Ordinal)
                ? (whole, cover.Line)
                : (best.Key, best.Value.Line);
        }

        if (cover.Name is { } coverName)
        {
            return (coverName, cover.Line);
        }

        foreach (var line in doc.Lines.Take(60))
        {
            var m = TitleName().Match(line.Norm);
            if (m.Success && !line.Norm.StartsWith('第') && !line.Norm.Contains('，', StringComparison.Ordinal) && IsUnitName(m.Groups["name"].Value.Trim()))
            {
                return (m.Groups["name"].Value.Trim(), line.Index);
            }
        }

        return (null, null);
    }

    /// <summary>The year at the index follows 比, 较, 与, 同 or 于 (after optional spaces): a comparison, not the budget year.</summary>
    private static bool IsComparison(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i >= 0 && text[i] is '比' or '较' or '与' or '同' or '于';
    }

    private static (int? Year, string? Kind) YearAndKind(SourceDocument doc)
    {
        var years = new Dictionary<int, int>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in doc.Lines)
        {
            if (line.Norm.Length > 80 || !line.Norm.Contains('年', StringComparison.Ordinal) || !line.Norm.Contains('算', StringComparison.Ordinal))
            {
                continue; // headings and titles with a year and 预算/决算, not sentences
            }

            // the match starts with its year (20xx) and ends with its kind (预算 or 决算): no Match objects needed
            foreach (var m in YearKind().EnumerateMatches(line.Norm))
            {
                if (IsComparison(line.Norm, m.Index))
                {
                    continue; // 比2024年预算减少, 与上年预算持平: the year compared with, not the budget's
                }

                var y = int.Parse(line.Norm.AsSpan(m.Index, 4), CultureInfo.InvariantCulture);
                years[y] = years.GetValueOrDefault(y) + 1;
                var k = line.Norm.AsSpan(m.Index + m.Length - 2, 2).SequenceEqual("预算") ? "预算" : "决算";
                kinds[k] = kinds.GetValueOrDefault(k) + 1;
            }
        }

        int? year = years.Count > 0 ? years.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).First().Key : null;
        var kind = kinds.Count > 0 ? kinds.OrderByDescending(kv => kv.Value).First().Key : null;
        return (year, kind);
    }

    private static string? Scope(SourceDocument doc)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in doc.Lines)
        {
            if (line.Norm.AsSpan().IndexOfAny('算', '表') < 0)
            {
                continue; // every mention ends with 预算/决算 or a table name (…表) (one scan, before the word look-ups)
            }

            if (!line.Norm.Contains("部门", StringComparison.Ordinal) && !line.Norm.Contains("单位", StringComparison.Ordinal))
            {
                continue;
            }

            // the spaces dropped into a scratch buffer; a mention starts with its scope (部门 or 单位): no Match objects needed
            var buffer = ArrayPool<char>.Shared.Rent(line.Norm.Length);
            try
            {
                var text = WithoutSpaces(line.Norm, buffer);
                foreach (var m in ScopeMention().EnumerateMatches(text))
                {
                    var scope = text.Slice(m.Index, 2).SequenceEqual("部门") ? "部门" : "单位";
                    counts[scope] = counts.GetValueOrDefault(scope) + 1;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        return counts.Count > 0 ? counts.OrderByDescending(kv => kv.Value).First().Key : null;
    }

    /// <summary>The text without its ' ' characters, written into the buffer.</summary>
    private static ReadOnlySpan<char> WithoutSpaces(string text, char[] buffer)
    {
        var k = 0;
        foreach (var c in text)
        {
            if (c != ' ')
            {
                buffer[k++] = c;
            }
        }

        return buffer.AsSpan(0, k);
    }

    /// <summary>
    /// Staffing sentences wrap over several lines, so the overview is joined first. After 在职, the
    /// next two groups are 退休 and 离休 in that order; a second 退休 where 离休 belongs is a known
    /// slip of the pen and is read as 离休 with a finding.
    /// </summary>
    private static Staffing ReadStaffing(SourceDocument doc, IReadOnlyList<DocumentPart> parts, List<Finding> findings)
    {
        var overview = parts.Where(p => p.Kind == PartKind.Overview).ToList();
        IEnumerable<DocLine> lines = overview.Count > 0
            ? overview.SelectMany(p => doc.Lines.Skip(p.StartLine).Take(p.EndLine - p.StartLine))
            : doc.Lines;
        var sb = new StringBuilder();
        var starts = new List<(int Offset, int Line)>();
        foreach (var l in lines)
        {
            starts.Add((sb.Length, l.Index));
            foreach (var range in l.Norm.AsSpan().Split(' '))
            {
                sb.Append(l.Norm.AsSpan()[range]); // the line without its spaces
            }
        }

        var text = sb.ToString();
        int LineAt(int offset)
        {
            var line = starts.Count > 0 ? starts[0].Line : 0;
            foreach (var (o, l) in starts)
            {
                if (o > offset)
                {
                    break;
                }

                line = l;
            }

            return line;
        }

        int? authorized = null, actual = null, inService = null, retired = null, cadres = null;
        var ma = Authorized().Match(text);
        if (ma.Success)
        {
            authorized = int.Parse(ma.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        var mr = Actual().Match(text, ma.Success ? ma.Index : 0);
        if (mr.Success)
        {
            actual = int.Parse(mr.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        var from = mr.Success ? mr.Index : ma.Success ? ma.Index : 0;
        var groups = StaffGroup().Matches(text, from).Take(3).ToList();
        var slot = 0;
        foreach (var g in groups)
        {
            var n = int.Parse(g.Groups["n"].Value, CultureInfo.InvariantCulture);
            var what = g.Groups["what"].Value;
            if (what == "在职" && inService is null)
            {
                inService = n;
                slot = 1;
            }
            else if (what == "退休" && retired is null)
            {
                retired = n;
                slot = 2;
            }
            else if (what == "离休" && cadres is null)
            {
                cadres = n;
                slot = 3;
            }
            else if (what == "退休" && slot == 2 && cadres is null)
            {
                cadres = n;
                findings.Add(new Finding("staffing_label", Severity.Warning,
                    $"退休 is printed twice in the staffing sentence; the second ({n} 人) stands where 离休 belongs and is read as 离休",
                    Line: LineAt(g.Index)));
            }
        }

        return new Staffing(authorized, actual, inService, retired, cadres);
    }
}
