using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests;

/// <summary>Document facts and parts of the four text documents, checked by hand against the source lines noted.</summary>
public class CorpusFactsTests
{
    public static TheoryData<string, string, int, string, int, int, int, int, int> Expected => new()
    {
        // tekes-2023.txt lines 71-75: 编制数 17，实有人数 20 人，其中：在职 19 人 … 退休 1 人 … 离休 0 人
        { "tekes-2023", "新疆伊犁哈萨克自治州特克斯县医疗保障局", 2023, "单位", 17, 20, 19, 1, 0 },
        // shanshan-2024.txt lines 99-103: 编制数 25，实有人数 21 人，其中：在职 21 人 … 退休 0 人 … 离休 0 人
        { "shanshan-2024", "鄯善县医疗保障局", 2024, "单位", 25, 21, 21, 0, 0 },
        // bayingol-2023.txt line 78: 编制数 36，实有人数 22 人 … 在职 18 人 … 退休 4 人 … 退休 0 人 (the second 退休 is 离休)
        { "bayingol-2023", "巴音郭楞蒙古自治州医疗保障局", 2023, "部门", 36, 22, 18, 4, 0 },
        // kizilsu-2025.txt line 86: 编制数 29，实有人数 36 人 … 在职 27 人 … 退休 9 人 … 离休 0 人
        { "kizilsu-2025", "克孜勒苏柯尔克孜自治州医疗保障局", 2025, "部门", 29, 36, 27, 9, 0 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Facts_match_the_source(string id, string unit, int year, string scope, int authorized, int actual, int inService, int retired, int cadres)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));

        Assert.Equal(ConversionStatus.Converted, r.Status);
        Assert.NotNull(r.Facts);
        Assert.Equal(unit, r.Facts.UnitName);
        Assert.Equal(year, r.Facts.BudgetYear);
        Assert.Equal(scope, r.Facts.Scope);
        Assert.Equal(new Staffing(authorized, actual, inService, retired, cadres), r.Facts.Staffing);
    }

    [Theory]
    [InlineData("tekes-2023", 1, 79, 897, 2761)]
    [InlineData("shanshan-2024", 1, 104, 1001, 2537)]
    public void Parts_start_at_their_real_headings(string id, int overview, int tables, int explanation, int glossary)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));
        var lines = r.Source!.Lines;

        int StartOf(PartKind k) => lines[r.Parts.Single(p => p.Kind == k).StartLine].Number;

        Assert.Equal(overview, StartOf(PartKind.Overview));
        Assert.Equal(tables, StartOf(PartKind.Tables));
        Assert.Equal(explanation, StartOf(PartKind.Explanation));
        Assert.Equal(glossary, StartOf(PartKind.Glossary));
    }

    [Theory]
    [InlineData("bayingol-2023")]
    [InlineData("kizilsu-2025")]
    public void A_table_of_contents_is_not_a_part(string id)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));

        Assert.Equal(4, r.Parts.Count);
        var overview = r.Parts.Single(p => p.Kind == PartKind.Overview);
        var tables = r.Parts.Single(p => p.Kind == PartKind.Tables);

        // the real overview holds the staffing sentence; the contents list does not
        var overviewText = string.Concat(r.Source!.Lines.Skip(overview.StartLine).Take(overview.EndLine - overview.StartLine).Select(l => l.Norm));
        Assert.Contains("编制数", overviewText, StringComparison.Ordinal);
        var tablesText = string.Concat(r.Source.Lines.Skip(tables.StartLine).Take(tables.EndLine - tables.StartLine).Select(l => l.Norm));
        Assert.Contains("一般公共预算支出情况表", tablesText, StringComparison.Ordinal);
        Assert.Contains("编制部门", tablesText, StringComparison.Ordinal);
    }
}

public class BudgetYearTests
{
    [Fact]
    public void The_year_compared_with_is_not_the_budget_year()
    {
        // as in the Shanghai budgets: one title, table titles with words between 年 and 预算, many comparisons
        var text = string.Join('\n',
            "上海市普陀区2025年区级部门预算",
            "2025年部门财务收支预算总表",
            "2025年部门收入预算总表",
            "收入预算9,101.68万元，比2024年预算减少2,389.52万元。",
            "比2024年预算减少2,389.52万元；",
            "政府性基金拨款支出预算0万元，比2024年预算持平；",
            "国有资本经营预算拨款支出预算0万元，比 2024 年预算持平。",
            "与2024年预算持平。");
        var doc = new DisclosureExtract.Model.SourceDocument("x", "x.txt", DisclosureExtract.Model.SourceFormat.Text, "0", "utf-8", null,
            DisclosureExtract.Reading.PlainTextReader.SplitLines(text));

        var (facts, _) = DisclosureExtract.Facts.FactsExtractor.Extract(doc, []);

        Assert.Equal(2025, facts.BudgetYear);
        Assert.Equal("预算", facts.DocumentKind);
    }

    [Theory]
    [InlineData("shanghai_putuo_govoffice_2025_dept_budget", 2025)]
    [InlineData("shanghai_putuo_wanli_street_2024_dept_budget", 2024)]
    public void Shanghai_budgets_get_the_year_of_their_title(string id, int year)
    {
        var r = new DisclosureExtract.Pipeline.DisclosurePipeline().Convert(new DisclosureExtract.Pipeline.InputFile(TestPaths.Corpus("pdf", id + ".pdf"), id));
        Assert.Equal(year, r.Facts!.BudgetYear);
    }
}
