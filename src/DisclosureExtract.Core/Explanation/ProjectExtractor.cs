using System.Globalization;
using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Projects of 项目支出情况说明: each starts at 项目名称 and has the labelled fields 设立的政策依据,
/// 预算安排规模, 项目承担单位, 资金分配情况, 资金执行时间, in any order. Shanghai-style budgets give each
/// project its own section "…项目经费情况说明" with 立项依据, 实施主体, 实施周期, 年度预算安排.
/// </summary>
public static partial class ProjectExtractor
{
    /// <summary>Field labels; within a group only the first printed one counts (立项依据 inside a 设立的政策依据 text is text).</summary>
    private static readonly string[][] LabelGroups =
    [
        ["项目名称"], ["设立的政策依据", "政策依据", "立项依据"], ["预算安排规模"], ["项目承担单位", "实施主体"],
        ["资金分配情况", "年度预算安排"], ["资金执行时间", "实施周期"],
    ];

    /// <summary>Further section labels of Shanghai project sections; they end a field there.</summary>
    private static readonly string[] ShanghaiStops = ["项目概述", "项目概况", "实施方案", "绩效目标"];

    /// <summary>The label groups followed by each Shanghai stop as a group of its own.</summary>
    private static readonly string[][] LabelGroupsWithStops = [.. LabelGroups, .. ShanghaiStops.Select(x => new[] { x })];

    /// <summary>The words that may stand before a document number's issuer (cut off it).</summary>
    private static readonly string[] IssuerLeads = ["根据", "依据", "按照", "转发", "详见", "文件", "通知", "的"];

    private const string ShanghaiProjectHeading = "项目经费情况说明";

    /// <summary>True when the offset falls inside a label already found.</summary>
    private static bool InsideFound(List<(string Label, int At)> found, int at)
    {
        foreach (var f in found)
        {
            if (at >= f.At && at < f.At + f.Label.Length)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<y>\d{4})年?(?:度)?全年")]
    private static partial Regex WholeYear();

    [GeneratedRegex(@"^(?<amt>" + SentenceReader.Number + @")(?<unit>万元|元)?")]
    private static partial Regex AmountAtStart();

    [GeneratedRegex(@"(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)$")]
    private static partial Regex TrailingEnumerator();

    /// <summary>A document number such as 伊州财社【2022】117 号, 巴财社〔2021〕10号, 吐市人社发（2016）102 号.</summary>
    [GeneratedRegex(@"(?<prefix>[\u4e00-\u9fff]{1,10})[\[(](?<year>(?:19|20)\d{2})[\])](?:第)?(?<no>\d{1,5})号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?(?:[^\d]{0,2}?)(?:至|-|~|到|—)(?:(?<y2>\d{4})年)?(?<m2>\d{1,2})月(?:(?<d2>\d{1,2})日)?")]
    private static partial Regex Period();

    /// <summary>Shanghai-style project sections: a heading line "…项目经费情况说明" per project, up to the next one.</summary>
    public static IReadOnlyList<ProjectExplanation> ExtractSections(SourceDocument doc, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var heads = new List<int>();
        for (var i = start; i < end; i++)
        {
            var norm = doc.Lines[i].Norm;
            if (!norm.Contains('明', StringComparison.Ordinal))
            {
                continue; // the heading ends with …情况说明 (cheap test before compacting)
            }

            var c = PerformanceTableExtractor.Compact(norm);
            if (c.Length > ShanghaiProjectHeading.Length && c.Length <= 60 && c.EndsWith(ShanghaiProjectHeading, StringComparison.Ordinal) && !c.Contains('。', StringComparison.Ordinal))
            {
                heads.Add(i);
            }
        }

        var list = new List<ProjectExplanation>();
        for (var k = 0; k < heads.Count; k++)
        {
            var e = k + 1 < heads.Count ? heads[k + 1] : end;
            var t = JoinedText.Of(doc.Lines, heads[k], e);
            var cut = t.Text.IndexOf(ShanghaiProjectHeading, StringComparison.Ordinal);
            var name = t.PrintedSpan(0, cut + "项目".Length); // keep 项目 of 项目经费情况说明 out: "…业务经费项目"
            var p = Read(t, cut + ShanghaiProjectHeading.Length, t.Length, list.Count + 1) with { Name = name, Line = heads[k] };
            list.Add(p);
        }

        return list;
    }

    public static IReadOnlyList<ProjectExplanation> Extract(IEnumerable<ExplanationSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var list = new List<ProjectExplanation>();
        foreach (var s in sections.Where(x => x.Kind == SectionKind.Projects))
        {
            var t = s.Text;
            var starts = AllIndexes(t.Text, "项目名称");
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1] : t.Length;
                list.Add(Read(t, starts[i], end, list.Count + 1));
            }
        }

        return list;
    }

    private static ProjectExplanation Read(JoinedText t, int start, int end, int seq)
    {
        // label positions inside the chunk, in printed order
        var found = new List<(string Label, int At)>();
        var shanghai = t.Text.IndexOf("项目名称", start, end - start, StringComparison.Ordinal) < 0;
        foreach (var group in shanghai ? LabelGroupsWithStops : LabelGroups)
        {
            (string Label, int At)? first = null;
            foreach (var label in group)
            {
                var at = t.Text.IndexOf(label, start, end - start, StringComparison.Ordinal);
                if (at >= 0 && (first is null || at < first.Value.At))
                {
                    first = (label, at);
                }
            }

            if (first is { } f0 && !InsideFound(found, f0.At))
            {
                found.Add(f0);
            }
        }

        found.Sort((a, b) => a.At.CompareTo(b.At));
        string? Field(params ReadOnlySpan<string> names)
        {
            for (var k = 0; k < found.Count; k++)
            {
                if (!names.Contains(found[k].Label))
                {
                    continue;
                }

                var from = found[k].At + found[k].Label.Length;
                while (from < end && t.Text[from] is ':' or '：')
                {
                    from++;
                }

                var to = k + 1 < found.Count ? found[k + 1].At : end;
                var text = t.Text.AsSpan()[from..to];
                foreach (var cut in TrailingEnumerator().EnumerateMatches(text.TrimEnd("# ")))
                {
                    to = from + cut.Index;
                    break; // the first match, as Match finds it
                }

                var printed = t.PrintedSpan(from, to - from);
                return printed.Length > 0 ? printed : null;
            }

            return null;
        }

        int? FieldLine(string name)
        {
            foreach (var f in found)
            {
                if (f.Label == name)
                {
                    return t.LineAt(f.At + f.Label.Length + 1);
                }
            }

            return null;
        }

        var name = Field("项目名称") ?? string.Empty;
        var basis = Field("设立的政策依据", "政策依据", "立项依据");
        var amountText = Field("预算安排规模");
        var allocation = Field("资金分配情况", "年度预算安排");
        decimal? amount = null;
        var unit = "万元";
        if (amountText is not null)
        {
            var am = AmountAtStart().Match(FoldAll(amountText));
            if (am.Success)
            {
                amount = SentenceReader.ParseNumber(am.Groups["amt"].ValueSpan);
                unit = am.Groups["unit"].Success ? SentenceReader.Unit(am.Groups["unit"]) : unit;
            }
        }

        var period = Field("资金执行时间", "实施周期");
        var (from, to) = ParsePeriod(period);
        return new ProjectExplanation(seq, name, basis, DocumentNumbers(basis), amount, unit, Field("项目承担单位", "实施主体"), allocation,
            period, from, to, t.LineAt(start), amount is null ? null : FieldLine("预算安排规模"));
    }

    /// <summary>Document numbers cited in a text, folded to ASCII brackets removed of white space (伊州财社[2022]117号 printed as 伊州财社【2022】117号).</summary>
    public static IReadOnlyList<string> DocumentNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var printed = new char[NonSpaceCount(text)];
        var k = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                printed[k++] = c;
            }
        }

        var folded = FoldAll(text);
        var list = new List<string>();
        foreach (Match m in DocumentNumber().Matches(folded))
        {
            var prefix = m.Groups["prefix"];
            var startAt = prefix.Index;
            foreach (var lead in IssuerLeads)
            {
                var p = folded.LastIndexOf(lead, prefix.Index + prefix.Length - 1, prefix.Length, StringComparison.Ordinal);
                if (p >= 0 && p + lead.Length > startAt && p + lead.Length < prefix.Index + prefix.Length)
                {
                    startAt = p + lead.Length;
                }
            }

            var doc = new string(printed, startAt, m.Index + m.Length - startAt);
            if (!list.Contains(doc))
            {
                list.Add(doc);
            }
        }

        return list;
    }

    public static (DateOnly? Start, DateOnly? End) ParsePeriod(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var m = Period().Match(FoldAll(text));
        if (!m.Success)
        {
            var whole = WholeYear().Match(FoldAll(text));
            if (whole.Success)
            {
                var year = int.Parse(whole.Groups["y"].Value, CultureInfo.InvariantCulture);
                return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            }

            return (null, null);
        }

        int I(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var y = I("y");
        var y2 = m.Groups["y2"].Success ? I("y2") : y;
        try
        {
            var start = new DateOnly(y, I("m"), m.Groups["d"].Success ? I("d") : 1);
            var m2 = I("m2");
            var end = new DateOnly(y2, m2, m.Groups["d2"].Success ? I("d2") : DateTime.DaysInMonth(y2, m2));
            return (start, end);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, null);
        }
    }

    /// <summary>The text without white space, each character folded (<see cref="JoinedText.Fold"/>).</summary>
    private static string FoldAll(string s) => string.Create(NonSpaceCount(s), s, static (span, src) =>
    {
        var k = 0;
        foreach (var c in src)
        {
            if (!char.IsWhiteSpace(c))
            {
                span[k++] = JoinedText.Fold(c);
            }
        }
    });

    private static int NonSpaceCount(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return n;
    }

    private static List<int> AllIndexes(string text, string word)
    {
        var list = new List<int>();
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            list.Add(i);
        }

        return list;
    }
}
