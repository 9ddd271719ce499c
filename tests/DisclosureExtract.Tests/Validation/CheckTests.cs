using DisclosureExtract.Model;
using DisclosureExtract.Reference;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Tests.Validation;

/// <summary>Every check with one input that trips it and one that does not.</summary>
public sealed class CheckTests
{
    private static readonly string[] Spend = ["total", "basic", "project"];

    private static List<Finding> Run(params BudgetTable[] tables) => [.. Validator.Check(tables, null, Catalog)];

    private static List<Finding> Run(TextFigures text, params BudgetTable[] tables) => [.. Validator.Check(tables, text, Catalog)];

    private static readonly ReferenceCatalog Catalog = new([
        new("function", "210", "类", "卫生健康支出", "test"),
        new("function", "21011", "款", "行政事业单位医疗", "test"),
        new("function", "2101101", "项", "行政单位医疗", "test"),
        new("function", "2101102", "项", "事业单位医疗", "test"),
        new("function", "221", "类", "住房保障支出", "test"),
        new("economic", "301", "类", "工资福利支出", "test"),
        new("economic", "30101", "款", "基本工资", "test"),
    ]);

    private static TableBuilder T3(string total = "total=20.00 basic=15.00 project=5.00", string kuan = "total=20.00 basic=15.00 project=5.00",
        string x1 = "total=12.00 basic=12.00", string x2 = "total=8.00 basic=3.00 project=5.00") =>
        new TableBuilder(3, Spend)
            .Row("210", "卫生健康支出", kuan)
            .Row("21011", "行政事业单位医疗", kuan)
            .Row("2101101", "行政单位医疗", x1)
            .Row("2101102", "事业单位医疗", x2)
            .Key("total", "合计", total);

    [Fact]
    public void Consistent_table_gives_no_finding() => Assert.Empty(Run(T3().Build()));

    [Fact]
    public void Row_identity_trips_when_total_is_not_basic_plus_project()
    {
        // 基本支出 of 2101102 printed 2 instead of 3: its row and its 款's 基本支出 both fail, and the one cell explains both
        var findings = Run(T3(x2: "total=8.00 basic=2.00 project=5.00").Build());
        var f = Assert.Single(findings, x => x.Check == CheckIds.RowIdentity);
        Assert.Equal(("2101102", "basic", Severity.Error, Roles.Culprit), (f.Code, f.ColumnKey, f.Severity, f.Role));
        Assert.Equal(3m, f.Expected);
        Assert.Equal(2m, f.Actual);
        var parent = Assert.Single(findings, x => x.Check == CheckIds.HierarchySum);
        Assert.Equal(("21011", "basic", Severity.Warning, Roles.Consequence, f.Group), (parent.Code, parent.ColumnKey, parent.Severity, parent.Role, parent.Group));
    }

    [Fact]
    public void Row_identity_of_table7_uses_the_economic_columns()
    {
        var bad = new TableBuilder(7, "total", "goods_services", "household_subsidy").Row("21012", "x", "total=724.71 household_subsidy=664.71").Build();
        var good = new TableBuilder(7, "total", "goods_services", "household_subsidy").Row("21012", "x", "total=724.71 household_subsidy=724.71").Build();
        Assert.Contains(Run(bad), f => f.Check == CheckIds.RowIdentity && f.Code == "21012");
        Assert.DoesNotContain(Run(good), f => f.Check == CheckIds.RowIdentity);
    }

    [Fact]
    public void Row_identity_of_table2_total_and_fiscal_subtotal()
    {
        string[] cols = ["total", "fiscal_subtotal", "general_budget", "general_budget_transfer", "fiscal_carryover"];
        var good = new TableBuilder(2, cols).Row("210", "卫生健康支出", "total=1202.75 fiscal_subtotal=1126.25 general_budget=1054.67 general_budget_transfer=71.58 fiscal_carryover=76.50").Build();
        var bad = new TableBuilder(2, cols).Row("210", "卫生健康支出", "total=1202.75 fiscal_subtotal=1126.25 general_budget=1054.67 general_budget_transfer=70.58 fiscal_carryover=76.50").Build();
        Assert.DoesNotContain(Run(good), f => f.Check == CheckIds.RowIdentity);
        var f = Assert.Single(Run(bad), x => x.Check == CheckIds.RowIdentity);
        Assert.Equal("fiscal_subtotal", f.ColumnKey);
    }

    [Fact]
    public void Hierarchy_sum_trips_per_column_at_the_parent()
    {
        // 21011 prints 基本支出 16 where its 项 rows add up to 15 (and 210, its parent, says 15)
        var table = T3().Build();
        table = table with { Rows = [.. table.Rows.Select(r => r.Code == "21011" ? r with { Values = TableBuilder.Parse("total=20.00 basic=16.00 project=5.00", r.Line) } : r)] };
        var findings = Run(table);
        Assert.Contains(findings, f => f.Check == CheckIds.HierarchySum && f.Code == "21011" && f.ColumnKey == "basic" && f.Severity == Severity.Error && f.Role == Roles.Culprit);
        Assert.DoesNotContain(findings, f => f.Check == CheckIds.HierarchySum && f.ColumnKey == "total");
        Assert.Equal(3, findings.Count(f => f.Group == findings[0].Group));
        Assert.Single(findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Hierarchy_sum_of_one_cent_is_a_rounding_warning()
    {
        var findings = Run(T3(x1: "total=12.01 basic=12.01", kuan: "total=20.00 basic=15.00 project=5.00").Build());
        var sums = findings.Where(x => x.Check == CheckIds.HierarchySum).ToList();
        Assert.Equal(["basic", "total"], sums.Select(x => x.ColumnKey!).Order(StringComparer.Ordinal));
        Assert.All(sums, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(sums, f => Assert.Contains("rounding", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Hierarchy_orphan_trips_for_a_row_without_its_parent()
    {
        var bad = new TableBuilder(3, Spend).Row("210", "卫生健康支出", "total=5.00 basic=5.00").Row("2101101", "行政单位医疗", "total=5.00 basic=5.00").Build();
        Assert.Contains(Run(bad), f => f.Check == CheckIds.HierarchyOrphan && f.Code == "2101101");
        Assert.DoesNotContain(Run(T3().Build()), f => f.Check == CheckIds.HierarchyOrphan);
    }

    [Fact]
    public void A_table_printed_at_one_level_gives_one_info_not_a_warning_a_row()
    {
        // Beijing 预算05表: 项 rows only, none of their 类 and 款
        var items = new TableBuilder(5, "total").Row("2010801", "行政运行", "total=3.00").Row("2101101", "行政单位医疗", "total=2.00")
            .Key("total", "合计", "total=5.00").Build();
        var orphan = Assert.Single(Run(items), f => f.Check == CheckIds.HierarchyOrphan);
        Assert.Equal(Severity.Info, orphan.Severity);
    }

    [Fact]
    public void Hierarchy_misplaced_trips_for_a_child_under_the_wrong_parent()
    {
        var bad = new TableBuilder(3, Spend)
            .Row("210", "卫生健康支出", "total=5.00 basic=5.00").Row("21011", "行政事业单位医疗", "total=5.00 basic=5.00")
            .Row("221", "住房保障支出", "total=1.00 basic=1.00").Row("2101101", "行政单位医疗", "total=5.00 basic=5.00")
            .Row("22102", "住房改革支出", "total=1.00 basic=1.00").Build();
        var f = Assert.Single(Run(bad), x => x.Check == CheckIds.HierarchyMisplaced);
        Assert.Equal("2101101", f.Code);
        Assert.DoesNotContain(Run(T3().Build()), x => x.Check == CheckIds.HierarchyMisplaced);
    }

    private static BudgetTable T1(string incomeTotal = "1258.45", string spent = "1258.45", string carry = "76.50") =>
        new TableBuilder(1, "amount")
            .Key("current_income", "一、本年收入", "amount=1181.95", side: "income")
            .Key("general_budget_appropriation", "1.一般公共预算拨款", "amount=1181.95", side: "income")
            .Row("210", "卫生健康支出", "amount=1202.75", side: "expenditure")
            .Row("221", "住房保障支出", "amount=55.70", side: "expenditure")
            .Key("carryover", "二、上年结转结余", $"amount={carry}", side: "income")
            .Key("income_total", "收入总计", $"amount={incomeTotal}", side: "income")
            .Key("expenditure_total", "支出总计", $"amount={spent}", side: "expenditure")
            .Build();

    [Fact]
    public void Summary_sum_trips_when_income_total_is_not_its_parts()
    {
        Assert.DoesNotContain(Run(T1()), f => f.Check == CheckIds.SummarySum);
        Assert.Contains(Run(T1(carry: "70.50")), f => f.Check == CheckIds.SummarySum && f.TableKey == "income_expenditure_summary");
    }

    [Fact]
    public void Balance_trips_when_income_and_expenditure_totals_differ()
    {
        Assert.DoesNotContain(Run(T1()), f => f.Check == CheckIds.Balance);
        Assert.Contains(Run(T1(spent: "1260.45")), f => f.Check == CheckIds.Balance);
    }

    [Fact]
    public void Summary_sum_of_table10()
    {
        static BudgetTable T10(string vehicles) => new TableBuilder(10, "total", "general_budget")
            .Key("total", "合计", "total=9.50 general_budget=9.50").Key("reception", "公务接待费", "total=1.50 general_budget=1.50")
            .Key("vehicles", "公务用车购置及运行费（小计）", vehicles).Key("vehicle_operation", "公务用车运行费", "total=8.00 general_budget=8.00").Build();
        Assert.Empty(Run(T10("total=8.00 general_budget=8.00")));
        Assert.Contains(Run(T10("total=7.00 general_budget=7.00")), f => f.Check == CheckIds.SummarySum && f.TableKey == "three_public_expenses");
    }

    [Fact]
    public void Cross_total_trips_when_table2_total_differs_from_table1()
    {
        BudgetTable T2(string total) => new TableBuilder(2, "total", "general_budget").Row("210", "卫生健康支出", $"total={total} general_budget={total}").Key("total", "合计", $"total={total} general_budget={total}").Build();
        var t1 = new TableBuilder(1, "amount").Key("income_total", "收入总计", "amount=100.00", side: "income").Build();
        Assert.DoesNotContain(Run(t1, T2("100")), f => f.Check == CheckIds.CrossTotal);
        Assert.Contains(Run(t1, T2("90")), f => f.Check == CheckIds.CrossTotal && f.TableKey == "income_expenditure_summary");
    }

    [Fact]
    public void Cross_rows_trips_when_table2_and_table3_differ_for_a_code()
    {
        var t2ok = new TableBuilder(2, "total", "general_budget").Row("210", "卫生健康支出", "total=20.00 general_budget=20.00").Row("21011", "行政事业单位医疗", "total=20.00 general_budget=20.00").Build();
        var t2bad = new TableBuilder(2, "total", "general_budget").Row("210", "卫生健康支出", "total=20.00 general_budget=20.00").Row("21011", "行政事业单位医疗", "total=19.00 general_budget=19.00").Build();
        var t3 = new TableBuilder(3, Spend).Row("210", "卫生健康支出", "total=20.00 basic=20.00").Row("21011", "行政事业单位医疗", "total=20.00 basic=20.00").Build();
        Assert.DoesNotContain(Run(t2ok, t3), f => f.Check == CheckIds.CrossRows);
        Assert.Contains(Run(t2bad, t3), f => f.Check == CheckIds.CrossRows && f.Code == "21011");
    }

    [Fact]
    public void Cross_general_budget_trips_when_table5_is_not_the_general_budget_part_of_table2()
    {
        string[] cols = ["total", "general_budget", "general_budget_transfer", "fiscal_carryover"];
        var t2 = new TableBuilder(2, cols).Row("210", "卫生健康支出", "total=30.00 general_budget=15.00 general_budget_transfer=5.00 fiscal_carryover=10.00").Build();
        var t5ok = new TableBuilder(5, Spend).Row("210", "卫生健康支出", "total=20.00 basic=20.00").Build();
        var t5bad = new TableBuilder(5, Spend).Row("210", "卫生健康支出", "total=30.00 basic=30.00").Build();
        Assert.DoesNotContain(Run(t2, t5ok), f => f.Check == CheckIds.CrossGeneralBudget);
        Assert.Contains(Run(t2, t5bad), f => f.Check == CheckIds.CrossGeneralBudget && f.Code == "210");
    }

    [Fact]
    public void Cross_general_budget_trips_when_table5_exceeds_table3()
    {
        var t3 = new TableBuilder(3, Spend).Row("210", "卫生健康支出", "total=20.00 basic=20.00").Build();
        Assert.DoesNotContain(Run(t3, new TableBuilder(5, Spend).Row("210", "卫生健康支出", "total=20.00 basic=20.00").Build()), f => f.Check == CheckIds.CrossGeneralBudget);
        Assert.Contains(Run(t3, new TableBuilder(5, Spend).Row("210", "卫生健康支出", "total=25.00 basic=25.00").Build()), f => f.Check == CheckIds.CrossGeneralBudget && f.ColumnKey == "total");
    }

    private static BudgetTable T5(string basic = "295.66", string project = "886.29") =>
        new TableBuilder(5, Spend).Key("total", "合计", $"total=1181.95 basic={basic} project={project}").Build();

    [Fact]
    public void Cross_basic_trips_when_table6_total_is_not_table5_basic()
    {
        var t6 = new TableBuilder(6, "total", "personnel", "public_use").Key("total", "合计", "total=295.66 personnel=286.44 public_use=9.22").Build();
        Assert.DoesNotContain(Run(T5(), t6), f => f.Check == CheckIds.CrossBasic);
        Assert.Contains(Run(T5(basic: "290.66", project: "891.29"), t6), f => f.Check == CheckIds.CrossBasic);
    }

    [Fact]
    public void Cross_project_trips_when_table7_total_is_not_table5_project()
    {
        var t7 = new TableBuilder(7, "total", "household_subsidy").Key("total", "合计", "total=886.29 household_subsidy=886.29").Build();
        Assert.DoesNotContain(Run(T5(), t7), f => f.Check == CheckIds.CrossProject);
        Assert.Contains(Run(T5(basic: "305.66", project: "876.29"), t7), f => f.Check == CheckIds.CrossProject);
    }

    [Fact]
    public void Name_inconsistent_trips_when_one_code_has_two_names()
    {
        var t3 = new TableBuilder(3, Spend).Row("210", "卫生健康支出", "total=1.00 basic=1.00").Build();
        var t5 = new TableBuilder(5, Spend).Row("210", "卫 生 健 康 支 出", "total=1.00 basic=1.00").Build();
        var t5typo = new TableBuilder(5, Spend).Row("210", "卫生键康支出", "total=1.00 basic=1.00").Build();
        var numbered = new TableBuilder(5, Spend).Row("210", "七、卫生健康支出", "total=1.00 basic=1.00").Build();
        Assert.DoesNotContain(Run(t3, numbered), f => f.Check is CheckIds.NameInconsistent or CheckIds.NameReference);
        Assert.DoesNotContain(Run(t3, t5), f => f.Check == CheckIds.NameInconsistent);
        var f = Assert.Single(Run(t3, t5typo), x => x.Check == CheckIds.NameInconsistent);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void Name_reference_warns_and_unknown_code_is_info()
    {
        var known = new TableBuilder(6, "total", "personnel").Row("301", "工资福利支出", "total=1.00 personnel=1.00").Row("30101", "基本工资", "total=1.00 personnel=1.00").Build();
        Assert.Empty(Run(known));
        var renamed = new TableBuilder(6, "total", "personnel").Row("301", "工资福利支出", "total=1.00 personnel=1.00").Row("30101", "基础工资", "total=1.00 personnel=1.00").Build();
        Assert.Contains(Run(renamed), f => f.Check == CheckIds.NameReference && f.Severity == Severity.Warning && f.Code == "30101");
        var unknown = new TableBuilder(6, "total", "personnel").Row("301", "工资福利支出", "total=1.00 personnel=1.00").Row("30199", "其他工资福利支出", "total=1.00 personnel=1.00").Build();
        Assert.Contains(Run(unknown), f => f.Check == CheckIds.CodeUnknown && f.Severity == Severity.Info && f.Code == "30199");
    }

    [Fact]
    public void A_listing_names_its_rows_by_what_they_buy_not_by_their_code()
    {
        // 政府采购预算表: the function code of a purchase, the purchase's name (Xi'an prints 全额 there)
        var rows = new List<TableRow> { new("2101101", "项", null, "办公设备采购", null, null, TableBuilder.Parse("total=1.00", 1200), 1200) };
        var procurement = new BudgetTable(12, "government_procurement", "表12", "万元", false, null, ["total"], rows, 1199, 1201);
        Assert.DoesNotContain(Run(procurement), f => f.Check == CheckIds.NameReference);
        var coded = new TableBuilder(5, "total").Row("210", "卫生健康支出", "total=1.00").Row("21011", "行政事业单位医疗", "total=1.00")
            .Row("2101101", "办公设备采购", "total=1.00").Build();
        Assert.Contains(Run(coded), f => f.Check == CheckIds.NameReference && f.Code == "2101101");
    }

    [Fact]
    public void Implausible_asset_value_trips_for_yuan_labelled_wanyuan()
    {
        // kizilsu-2025.txt:602: 车辆 2 辆，价值 523,055.17 万元 in a document whose whole budget is 996.43 万元
        var text = new TextFigures { TotalBudget = new(996.43m, 397), Assets = [new("车辆", 2, 523055.17m, 601)] };
        var f = Assert.Single(Run(text), x => x.Check == CheckIds.ImplausibleValue);
        Assert.Equal(601, f.Line);
        var fine = new TextFigures { TotalBudget = new(1258.45m, 10), Assets = [new("车辆", 1, 9.26m, 20), new("其他资产", null, 37.56m, 21)] };
        Assert.DoesNotContain(Run(fine), x => x.Check == CheckIds.ImplausibleValue);
    }

    [Fact]
    public void Cross_checks_compare_a_table_in_yuan_with_one_in_wanyuan()
    {
        var t6 = new TableBuilder(6, "total", "personnel", "public_use").Key("total", "合计", "total=2956600.00 personnel=2864400.00 public_use=92200.00").Build() with { Unit = "元" };
        Assert.DoesNotContain(Run(T5(), t6), f => f.Check == CheckIds.CrossBasic);
        var off = t6 with { Rows = [t6.Rows[0] with { Values = TableBuilder.Parse("total=2966600.00 personnel=2874400.00 public_use=92200.00", 600) }] };
        Assert.Contains(Run(T5(), off), f => f.Check == CheckIds.CrossBasic);
    }

    [Fact]
    public void Cross_rows_trips_when_table4_spends_fund_money_but_table8_is_empty()
    {
        static BudgetTable T4(string values) => new TableBuilder(4, "total", "general_budget", "gov_fund").Row("212", "城乡社区支出", values, side: "expenditure").Build();
        var empty8 = new BudgetTable(8, "government_fund_expenditure", "表8", "万元", true, "为空表", ["total"], [], 800, 805);
        Assert.Contains(Run(T4("total=50.00 gov_fund=50.00"), empty8), f => f.Check == CheckIds.CrossRows && f.Code == "212" && f.ColumnKey == "gov_fund");
        Assert.DoesNotContain(Run(T4("total=50.00 general_budget=50.00"), empty8), f => f.Check == CheckIds.CrossRows);
    }

    [Fact]
    public void One_wrong_cell_is_one_culprit_and_the_checks_it_breaks_are_its_consequences()
    {
        // a 类 row's 基本支出 printed 1060 too high: its row, its 款 rows' sum and the 合计's sum of 类 rows all fail
        var t = new TableBuilder(3, Spend)
            .Row("210", "卫生健康支出", "total=1000.00 basic=1560.00 project=500.00")
            .Row("21011", "行政事业单位医疗", "total=1000.00 basic=500.00 project=500.00")
            .Row("2101101", "行政单位医疗", "total=1000.00 basic=500.00 project=500.00")
            .Row("221", "住房保障支出", "total=100.00 basic=100.00")
            .Row("22102", "住房改革支出", "total=100.00 basic=100.00")
            .Key("total", "合计", "total=1100.00 basic=600.00 project=500.00")
            .Build();
        var findings = Run(t).Where(f => f.Role is not null).ToList();
        var culprit = Assert.Single(findings, f => f.Role == Roles.Culprit);
        Assert.Equal(("210", "basic", Severity.Error, 500.00m, 1560.00m), (culprit.Code, culprit.ColumnKey, culprit.Severity, culprit.Expected!.Value, culprit.Actual!.Value));
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(culprit.Group, f.Group));
        Assert.All(findings.Where(f => f != culprit), f => Assert.Equal((Roles.Consequence, Severity.Warning), (f.Role, f.Severity)));
        Assert.Single(findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Two_numbers_that_explain_a_check_equally_are_ambiguous_and_not_an_error()
    {
        // 一般财力 and 上级转移支付 are read by one sum only: either could be the wrong one
        var t1 = new TableBuilder(1, "amount")
            .Key("general_budget_appropriation", "一般公共预算拨款", "amount=100.00", side: "income")
            .Key("general_revenue", "一般财力", "amount=70.00", side: "income")
            .Key("general_budget_transfer", "上级转移支付", "amount=20.00", side: "income")
            .Build();
        var f = Assert.Single(Run(t1), x => x.Role is not null);
        Assert.Equal((CheckIds.SummarySum, Roles.Ambiguous, Severity.Warning), (f.Check, f.Role, f.Severity));
        Assert.Contains("one of", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_on_rows_the_tool_did_not_read_is_incomplete_not_an_error()
    {
        // 表1 prints 支出总计 but none of its 类 rows was read (they are printed by name only)
        var t1 = new TableBuilder(1, "amount")
            .Key("income_total", "收入总计", "amount=1258.45", side: "income")
            .Key("expenditure_total", "支出总计", "amount=1258.45", side: "expenditure")
            .Build();
        var t3 = new TableBuilder(3, Spend).Row("210", "卫生健康支出", "total=1258.45 basic=1258.45").Key("total", "合计", "total=1258.45 basic=1258.45").Build();
        var findings = Run(t1, t3);
        Assert.DoesNotContain(findings, f => f.Severity != Severity.Info);
        Assert.Contains(findings, f => f.Check == CheckIds.Incomplete && f.TableKey == "income_expenditure_summary" && f.Message.StartsWith("summary_sum not checked", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Check == CheckIds.Incomplete && f.Message.StartsWith("cross_rows not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void Operating_expenses_of_a_department_are_at_most_the_public_use_funds_and_of_one_unit_equal()
    {
        var t6 = new TableBuilder(6, "total", "personnel", "public_use").Key("total", "合计", "total=1559.87 personnel=443.01 public_use=1116.86").Build();
        static TextFigures Text(decimal amount) => new() { OperatingExpenses = new TextFigure(amount, 10) };
        DocumentFacts Facts(string scope) => new(null, 2024, scope, "预算", new Staffing(null, null, null, null, null));

        // a 部门 of several units: 机关运行经费 covers the administrative units only
        Assert.DoesNotContain(Validator.Check([t6], Text(443.18m), Catalog, Facts("部门")), f => f.Severity != Severity.Info);
        Assert.Contains(Validator.Check([t6], Text(1200.00m), Catalog, Facts("部门")), f => f.Check == CheckIds.TextAmount && f.ColumnKey == "public_use");
        // one unit: its 机关运行经费 is its 公用经费
        Assert.Contains(Validator.Check([t6], Text(443.18m), Catalog, Facts("单位")), f => f.Check == CheckIds.TextAmount && f.Severity == Severity.Error);
        Assert.DoesNotContain(Validator.Check([t6], Text(1116.86m), Catalog, Facts("单位")), f => f.Severity != Severity.Info);
    }
}
