using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Performance target tables (项目支出绩效目标表, 单位/部门整体绩效目标表) in the explanation part: the
/// header fields (project, owner, budget and its sources, overall goal) and one indicator per row.
/// Tab-separated rows are read by cells (<see cref="TabIndicatorReader"/>); flattened PDF text by a
/// token grammar (<see cref="FlatIndicatorReader"/>). A table runs until the next table title or sub-heading.
/// </summary>
public static partial class PerformanceTableExtractor
{
    private const string N = SentenceReader.Number;

    [GeneratedRegex(@"^[#*\s]*[(（][一二三四五六七八九十]{1,3}[)）]")]
    private static partial Regex SubHeading();

    /// <summary>A title line: 项目支出绩效目标表, 2023年部门整体绩效目标表, 项目支出绩效目标表（2023年度）.</summary>
    [GeneratedRegex(@"^.{0,24}绩效目标表(?:[(（]\d{4}年?度?[)）])?$")]
    private static partial Regex Title();

    [GeneratedRegex(@"未公开|共有|见下表|如下|详见")]
    private static partial Regex NotATitle();

    [GeneratedRegex(@"年度预算总额[:：]?(?<amt>" + N + ")")]
    private static partial Regex BudgetTotal();

    [GeneratedRegex(@"(?<label>财政拨款|其他资金|上级安排|本级安排|其他)[:：]?(?<amt>" + N + ")")]
    private static partial Regex Source();

    public static IReadOnlyList<PerformanceTable> Extract(SourceDocument doc, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var titles = new List<int>();
        for (var i = start; i < end; i++)
        {
            var norm = doc.Lines[i].Norm;
            if (!norm.Contains('表', StringComparison.Ordinal) || !norm.Contains('绩', StringComparison.Ordinal))
            {
                continue; // a title ends with 绩效目标表 (cheap tests before compacting and matching)
            }

            var t = Compact(norm);
            if (Title().IsMatch(t) && !NotATitle().IsMatch(t))
            {
                titles.Add(i);
            }
        }

        var tables = new List<PerformanceTable>();
        for (var k = 0; k < titles.Count; k++)
        {
            var s = titles[k];
            var e = k + 1 < titles.Count ? titles[k + 1] : end;
            for (var i = s + 1; i < e; i++)
            {
                var norm = doc.Lines[i].Norm;
                if (norm.AsSpan().IndexOfAny(')', '）') >= 0 && SubHeading().IsMatch(norm))
                {
                    e = i;
                    break;
                }
            }

            var table = Read(doc, s, e, tables.Count + 1);
            if (table is not null)
            {
                tables.Add(table);
            }
        }

        return tables;
    }

    /// <summary>The text without white space and markdown marks (* and #); the same string when there is nothing to drop.</summary>
    internal static string Compact(string s) => Text.TextNormalizer.Without(s, IsDropped);

    internal static bool IsDropped(char c) => char.IsWhiteSpace(c) || c == '*' || c == '#';

    private static PerformanceTable? Read(SourceDocument doc, int start, int end, int seq)
    {
        var title = Compact(doc.Lines[start].Text);
        var kind = title.Contains("整体", StringComparison.Ordinal) ? "overall" : "project";
        var headerRow = -1;
        for (var i = start + 1; i < end; i++)
        {
            if (FlatIndicatorReader.CompactStartsWith(doc.Lines[i].Norm, "一级"))
            {
                headerRow = i;
                break;
            }
        }

        if (headerRow < 0)
        {
            return null;
        }

        var head = JoinedText.Of(doc.Lines, start + 1, headerRow);
        var (subject, owner, goal) = kind == "project" ? ProjectHead(head) : OverallHead(head);
        decimal? total = null;
        var tm = BudgetTotal().Match(head.Text);
        if (tm.Success)
        {
            total = SentenceReader.ParseNumber(tm.Groups["amt"].ValueSpan);
        }

        var sources = new List<FundSource>();
        foreach (Match m in Source().Matches(head.Text))
        {
            var label = m.Groups["label"].Value;
            if (sources.All(x => x.Label != label))
            {
                sources.Add(new FundSource(label, SentenceReader.ParseNumber(m.Groups["amt"].ValueSpan), head.LineAt(m.Groups["amt"].Index)));
            }
        }

        var headerLine = doc.Lines[headerRow];
        var indicators = headerLine.Cells is { Count: >= 4 }
            ? TabIndicatorReader.Read(doc, headerRow, end)
            : FlatIndicatorReader.Read(doc, headerRow, end, kind == "project");
        return new PerformanceTable(seq, kind, title, subject, owner, total, sources, goal, indicators, start);
    }

    private static string? Between(JoinedText t, string from, params string[] to)
    {
        var i = t.Text.IndexOf(from, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        i += from.Length;
        while (i < t.Length && t.Text[i] is ':' or '：')
        {
            i++;
        }

        var j = t.Length;
        foreach (var stop in to)
        {
            var k = t.Text.IndexOf(stop, i, StringComparison.Ordinal);
            if (k >= 0 && k < j)
            {
                j = k;
            }
        }

        var s = t.PrintedSpan(i, j - i);
        return s.Length > 0 ? s : null;
    }

    private static (string? Subject, string? Owner, string? Goal) ProjectHead(JoinedText t) =>
        (Between(t, "项目名称", "项目负责人", "项目资金", "项目总体目标"),
         Between(t, "项目负责人", "项目资金", "项目总体目标"),
         Between(t, "项目总体目标"));

    private static (string? Subject, string? Owner, string? Goal) OverallHead(JoinedText t)
    {
        string[] contact = ["单位联系人", "部门联系人", "联系人"];
        var subject = Between(t, "名称(盖章)", contact) ?? Between(t, "名称", contact);
        return (subject, Between(t, "联系人", "联系电话", "年度绩效目标"), Between(t, "年度绩效目标", "年度预算"));
    }
}
