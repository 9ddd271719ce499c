using System.Text;
using DisclosureExtract.Catalog;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.FinalAccounts;

/// <summary>
/// The explanation part of final accounts (决算情况说明), read as the catalog's data: the corpus documents against golden
/// files checked by hand (Golden/final_accounts/*.explanations.tsv), and the sentence styles one by one.
/// </summary>
public sealed class FinalAccountsExplanationTests
{
    private static readonly string[] Columns =
        ["section", "key", "label", "code", "amount", "unit", "quantity", "quantity_unit", "share_percent", "change_direction", "change_amount", "change_rate_percent", "budget_amount", "completion_percent", "reason", "source_page", "source_line"];

    [Theory]
    [InlineData("pdf", "shanghai_putuo_planning_2024_final_accounts")]
    [InlineData("real", "foshan_rail_transit_bureau_2019_dept_final_accounts")]
    public void Figures_and_items_match_the_golden_file(string folder, string id)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus(folder, id + ".pdf"), id));
        var expected = File.ReadAllLines(TestPaths.Golden("final_accounts", id + ".explanations.tsv"), Encoding.UTF8).Where(l => !l.StartsWith('#') && l.Length > 0).ToList();
        var actual = new List<string> { string.Join('\t', Columns) };
        actual.AddRange(ExplanationRows.Explanations(r).Select(e => string.Join('\t', e.section, e.key, e.label, e.code, e.amount, e.unit, e.quantity, e.quantity_unit, e.share_percent,
            e.change_direction, e.change_amount, e.change_rate_percent, e.budget_amount, e.completion_percent, e.reason, e.source_page, e.source_line)));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    private static ExplanationData Read(params string[] lines)
    {
        var text = string.Join("\n", ["某局2024年度部门决算", "第三部分 某局2024年度部门决算情况说明", .. lines, "第四部分 名词解释", "一、基本支出：指…"]);
        var doc = new SourceDocument("t", "t.txt", SourceFormat.Text, "0", "utf-8", null, PlainTextReader.SplitLines(text));
        return DisclosurePipeline.Analyze(doc).Explanation!;
    }

    [Fact]
    public void An_item_states_its_final_amount_its_budget_the_completion_and_the_reason()
    {
        var x = Read(
            "五、一般公共预算财政拨款支出决算情况说明",
            "（三）一般公共预算财政拨款支出决算具体情况",
            "一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 90.00 万元，完成年初预算的 90.00%。",
            "1、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：行政单位医疗保险支出。年初预算为100.00万元，支出决算为",
            "90.00万元，完成年初预算的90.00%。决算数小于预算数的主要原因：缴费基数变更。");

        var item = Assert.Single(x.Items);
        Assert.Equal(("2101101", 90.00m, 100.00m, 90.00m), (item.Code, item.Amount!.Value, item.Budget!.Value, item.CompletionRate!.Value));
        Assert.Equal("缴费基数变更", item.Reason);
        var total = x.Figure("general_budget", "budget_execution")!;
        Assert.Equal((90.00m, 100.00m, 90.00m), (total.Amount!.Value, total.Budget!.Value, total.CompletionRate!.Value));
    }

    [Fact]
    public void The_three_public_total_states_final_against_budget_with_completion_and_the_change_against_last_year()
    {
        var x = Read(
            "七、财政拨款“三公”经费支出决算情况说明",
            "“三公”经费财政拨款支出年初预算为10.00万元，支出决算为8.00万元，完成预算的80.00%，其中：公务接待费支出决算为8.00万元，完成预算的80.00%。",
            "2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。",
            "2024年度“三公”经费财政拨款支出决算数比2023年度减少2.00万元，下降20.00%。");

        var total = x.Figure("three_public", "total")!;
        Assert.Equal((8.00m, 10.00m, 80.00m, "厉行节约"), (total.Amount!.Value, total.Budget!.Value, total.CompletionRate!.Value, total.Reason));
        Assert.Equal(new YearChange("decrease", 2.00m, 20.00m, "万元"), total.Change);
        Assert.Equal(80.00m, x.Figure("three_public", "reception")!.CompletionRate);
    }

    [Fact]
    public void Procurement_actuals_and_assets_are_read_with_their_counts()
    {
        var x = Read(
            "十一、其他重要事项的情况说明",
            "（二）政府采购支出情况",
            "2024年度政府采购金额（以合同签订为准）为30.00万元，其中：货物采购金额10.00万元、工程采购金额0.00万元、服务采购金额20.00万元。",
            "（三）国有资产占有使用情况说明",
            "截至2024年12月31日，共有车辆2辆，其中：执法执勤用车1辆、其他用车1辆。单价100万元（含）以上设备（不含车辆）3台（套）。");

        Assert.Equal(30.00m, x.Figure("procurement", "total")!.Amount);
        Assert.Equal(20.00m, x.Figure("procurement", "services")!.Amount);
        Assert.Equal((2m, "辆"), (x.Figure("assets", "vehicles")!.Quantity!.Value, x.Figure("assets", "vehicles")!.QuantityUnit));
        Assert.Equal(1m, x.Figure("assets", "law_enforcement_vehicles")!.Quantity);
        Assert.Equal(3m, x.Figure("assets", "equipment_over_100")!.Quantity);
    }

    [Fact]
    public void A_budget_document_is_read_by_the_budget_extractor()
    {
        Assert.Null(Catalogs.Budget.Explanation);
        Assert.NotNull(Catalogs.FinalAccounts.Explanation);
    }
}
