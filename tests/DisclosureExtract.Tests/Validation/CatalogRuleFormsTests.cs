using DisclosureExtract.Model;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Tests.Validation;

/// <summary>
/// The forms of the catalog's sum rules the validator evaluates: subtracted parts (年末 = 年初 + 收入 − 支出), sums of class
/// rows (本年支出合计 = its 类 rows; 人员经费合计 = 301 + 303), rules on the expenditure side and across the sides, and parts
/// placed by the printed layout (上级补助收入 printed below 本年收入合计 counts in 收入总计).
/// </summary>
public sealed class CatalogRuleFormsTests
{
    private static List<Finding> Errors(params BudgetTable[] tables) =>
        [.. Validator.Check(tables).Where(f => f.Severity == Severity.Error)];

    private static BudgetTable Table(int no, string key, string[] columns, params TableRow[] rows) =>
        new(no, key, $"表{no}", "万元", false, null, columns, rows, no * 100, no * 100 + rows.Length + 1);

    private static TableRow Coded(string code, string values, int line, string? side = null) =>
        new(code, TableBuilder.LevelOf(code), null, code, null, side, TableBuilder.Parse(values, line), line);

    private static TableRow Keyed(string key, string values, int line, string? side = null) =>
        new(null, null, key, key, null, side, TableBuilder.Parse(values, line), line);

    // a 政府性基金 决算 table: 年初结转和结余 | 本年收入 | 本年支出 (合计 | 基本 | 项目) | 年末结转和结余
    private static BudgetTable Fund(string closing) => Table(8, "final_government_fund",
        ["opening_balance", "income", "total", "basic", "project", "closing_balance"],
        Coded("212", $"opening_balance=10.00 income=50.00 total=45.00 basic=5.00 project=40.00 closing_balance={closing}", 801),
        Coded("21208", $"opening_balance=10.00 income=50.00 total=45.00 basic=5.00 project=40.00 closing_balance={closing}", 802),
        Keyed("total", $"opening_balance=10.00 income=50.00 total=45.00 basic=5.00 project=40.00 closing_balance={closing}", 803));

    [Fact]
    public void A_subtracted_part_makes_the_closing_balance_of_a_fund_table()
    {
        Assert.DoesNotContain(Errors(Fund("15.00")), f => f.Check == CheckIds.RowIdentity);
        // 年末 printed 25.00: 10 + 50 − 45 = 15 on every row
        var wrong = Errors(Fund("25.00"));
        Assert.Contains(wrong, f => f.Check == CheckIds.RowIdentity && f.ColumnKey == "closing_balance" && f.Expected == 15.00m && f.Actual == 25.00m);
    }

    // 基本支出决算表: economic classes with the block totals under them
    private static BudgetTable Basic(string personnel) => Table(6, "final_general_budget_basic_expenditure", ["total"],
        Coded("301", "total=80.00", 601),
        Coded("30101", "total=80.00", 602),
        Coded("303", "total=5.00", 603),
        Coded("30305", "total=5.00", 604),
        Coded("302", "total=15.00", 605),
        Coded("30201", "total=15.00", 606),
        Keyed("personnel_total", $"total={personnel}", 607),
        Keyed("public_use_total", "total=15.00", 608),
        Keyed("total", "total=100.00", 609));

    [Fact]
    public void A_total_of_listed_classes_sums_those_class_rows()
    {
        Assert.Empty(Errors(Basic("85.00")));
        // 人员经费合计 printed 95: 301 + 303 = 85; 合计 = 人员 + 公用 fails too, and the one number explains both
        var wrong = Errors(Basic("95.00"));
        var f = Assert.Single(wrong);
        Assert.Equal((CheckIds.SummarySum, 85.00m, 95.00m), (f.Check, f.Expected, f.Actual));
    }

    // 收入支出决算总表 (Shanghai): 总计 = 本年支出合计 + 年末结转和结余 on the expenditure side, the 类 rows to 本年支出合计
    private static BudgetTable Summary(string expenditureTotal) => Table(1, "final_income_expenditure_summary", ["amount"],
        Keyed("general_budget_appropriation", "amount=90.00", 101, "income"),
        Coded("208", "amount=60.00", 101, "expenditure"),
        Coded("212", "amount=35.00", 102, "expenditure"),
        Keyed("current_income_total", "amount=90.00", 103, "income"),
        Keyed("current_expenditure_total", "amount=95.00", 103, "expenditure"),
        Keyed("opening_balance", "amount=10.00", 104, "income"),
        Keyed("closing_balance", "amount=5.00", 104, "expenditure"),
        Keyed("income_total", "amount=100.00", 105, "income"),
        Keyed("expenditure_total", $"amount={expenditureTotal}", 105, "expenditure"));

    [Fact]
    public void The_class_rows_of_an_expenditure_side_make_its_current_total_not_its_grand_total()
    {
        Assert.Empty(Errors(Summary("100.00")));
        // 支出总计 printed 110 against 95 + 5 and against 收入总计 100
        var f = Assert.Single(Errors(Summary("110.00")));
        Assert.Equal((100.00m, 110.00m), (f.Expected, f.Actual));
        Assert.Contains("expenditure_total", f.Message, StringComparison.Ordinal);
    }

    // 收支总表 (Shandong): 上级补助收入 printed under 本年收入合计 and counted in 收入总计
    private static BudgetTable Shandong(string currentIncome) => new TableBuilder(1, "amount")
        .Key("general_budget_appropriation", "一般公共预算拨款收入", "amount=40.00", line: 101, side: "income")
        .Key("other_income", "其他收入", "amount=5.00", line: 102, side: "income")
        .Key("current_income", "本年收入合计", $"amount={currentIncome}", line: 103, side: "income")
        .Key("superior_subsidy", "上级补助收入", "amount=6.00", line: 104, side: "income")
        .Key("income_total", "收入总计", "amount=51.00", line: 105, side: "income")
        .Build();

    [Fact]
    public void A_part_printed_below_the_total_that_closes_its_group_counts_in_the_next_total()
    {
        Assert.Empty(Errors(Shandong("45.00")));
        var f = Assert.Single(Errors(Shandong("47.00")));
        Assert.Equal((CheckIds.SummarySum, 45.00m, 47.00m), (f.Check, f.Expected, f.Actual));
    }

    // a 合计 printed by a spreadsheet's General format (11 characters): 936647884.3 for 936647884.33
    private static BudgetTable Large(string total) => new TableBuilder(3, "total", "basic", "project")
        .Row("206", "科学技术支出", "total=936647884.33 basic=1000000.00 project=935647884.33")
        .Row("20601", "科学技术管理事务", "total=936647884.33 basic=1000000.00 project=935647884.33")
        .Key("total", "合计", $"total={total} basic=1000000.00 project=935647884.33")
        .Build();

    [Fact]
    public void A_large_number_printed_with_fewer_decimals_than_its_table_may_be_rounded_to_eleven_characters()
    {
        Assert.Empty(Errors(Large("936647884.3")));
        Assert.Contains(Errors(Large("936647884.1")), f => f.Check == CheckIds.HierarchySum || f.Check == CheckIds.RowIdentity);
    }
}
