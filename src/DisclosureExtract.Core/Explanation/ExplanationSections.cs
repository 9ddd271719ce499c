using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>What a numbered section of the explanation part is about, by the meaning of its heading.</summary>
public enum SectionKind
{
    Other,
    Total,
    Income,
    Expenditure,
    Fiscal,
    GeneralBudget,
    Basic,
    Projects,
    ThreePublic,
    OtherMatters,
}

/// <summary>A numbered section (一、 … 十二、) of the explanation part with its joined text.</summary>
public sealed record ExplanationSection(SectionKind Kind, string Title, int StartLine, int EndLine, JoinedText Text);

/// <summary>Splits the explanation part at its numbered headings (一、关于 … 说明) and classifies them by keywords.</summary>
public static partial class ExplanationSections
{
    [GeneratedRegex(@"^[#*\s]*[一二三四五六七八九十]{1,3}\s*、")]
    private static partial Regex NumberedHeading();

    public static IReadOnlyList<ExplanationSection> Split(SourceDocument doc, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var heads = new List<int>();
        for (var i = start; i < end; i++)
        {
            var l = doc.Lines[i];
            if (l.Norm.Length <= 80 && l.Norm.Contains('、', StringComparison.Ordinal) && NumberedHeading().IsMatch(l.Norm))
            {
                heads.Add(i);
            }
        }

        var sections = new List<ExplanationSection>();
        for (var k = 0; k < heads.Count; k++)
        {
            var s = heads[k];
            var e = k + 1 < heads.Count ? heads[k + 1] : end;
            var text = JoinedText.Of(doc.Lines, s, e);
            var title = TitleOf(text.Text);
            sections.Add(new ExplanationSection(Classify(title), title, s, e, text));
        }

        return sections;
    }

    /// <summary>The heading: the joined text up to its first 说明 / 情况 (headings wrap over lines).</summary>
    private static string TitleOf(string text)
    {
        var head = text.Length > 90 ? text[..90] : text;
        var i = head.IndexOf("说明", StringComparison.Ordinal);
        if (i >= 0)
        {
            return head[..(i + 2)];
        }

        i = head.IndexOf("情况", StringComparison.Ordinal);
        return i >= 0 ? head[..(i + 2)] : head;
    }

    public static SectionKind Classify(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        bool Has(string s) => title.Contains(s, StringComparison.Ordinal);
        if (Has("三公"))
        {
            return SectionKind.ThreePublic;
        }

        if (Has("其他重要事项") || Has("其他事项") || Has("机关运行经费") || Has("政府采购") || Has("国有资产"))
        {
            return SectionKind.OtherMatters;
        }

        if (Has("政府性基金") || Has("国有资本") || Has("结转结余"))
        {
            return SectionKind.Other;
        }

        if (Has("项目支出") || Has("项目经费"))
        {
            return SectionKind.Projects;
        }

        if (Has("基本支出"))
        {
            return SectionKind.Basic;
        }

        if (Has("当年拨款"))
        {
            return SectionKind.GeneralBudget;
        }

        if (Has("财政拨款收支"))
        {
            return SectionKind.Fiscal;
        }

        if (Has("收入预算"))
        {
            return SectionKind.Income;
        }

        if (Has("支出预算"))
        {
            return SectionKind.Expenditure;
        }

        return Has("收支预算") || Has("收支总预算") ? SectionKind.Total : SectionKind.Other;
    }
}
