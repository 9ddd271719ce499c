using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>
/// The uncoded summary rows of 表1, 表4 and 表10 (row keys from schema/row-keys.csv): 收入总计 = 本年收入 + 上年结转结余,
/// 本年收入 = its numbered items, each item = its 其中 lines, 支出总计 = the 类 rows, 收入总计 = 支出总计;
/// 表10 合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费, 公务用车 = 购置 + 运行.
/// A rule applies only when its whole row and at least one of its part rows print a value.
/// </summary>
public static class SummaryCheck
{
    private static readonly (string Whole, string[] Parts)[] Table1Income =
    [
        ("income_total", ["current_income", "carryover"]),
        ("current_income", ["general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation", "special_account", "unit_funds"]),
        ("general_budget_appropriation", ["general_revenue", "general_budget_transfer"]),
        ("gov_fund_appropriation", ["gov_fund_revenue", "gov_fund_transfer"]),
        ("state_capital_appropriation", ["state_capital_revenue", "state_capital_transfer"]),
        ("unit_funds", ["business_income", "superior_subsidy", "subsidiary_income", "operating_income", "other_income"]),
        ("carryover", ["fiscal_carryover", "non_fiscal_carryover"]),
        ("fiscal_carryover", ["fiscal_carryover_general_budget", "fiscal_carryover_gov_fund", "fiscal_carryover_state_capital"]),
    ];

    private static readonly (string Whole, string[] Parts)[] Table4Income =
    [
        ("fiscal_appropriation", ["general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation"]),
    ];

    private static readonly (string Whole, string[] Parts)[] Table10 =
    [
        ("total", ["overseas_travel", "reception", "vehicles"]),
        ("vehicles", ["vehicle_purchase", "vehicle_operation"]),
    ];

    public static IEnumerable<Finding> Run(TableSet tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var findings = new List<Finding>();
        if (tables.Get(1) is { } t1)
        {
            findings.AddRange(KeyRules(t1, Table1Income, "income", "amount"));
            findings.AddRange(ExpenditureSide(t1, "amount"));
        }

        if (tables.Get(4) is { } t4)
        {
            findings.AddRange(KeyRules(t4, Table4Income, "income", "total"));
            foreach (var column in t4.Columns)
            {
                findings.AddRange(ExpenditureSide(t4, column));
            }
        }

        if (tables.Get(10) is { } t10)
        {
            foreach (var column in t10.Columns)
            {
                findings.AddRange(KeyRules(t10, Table10, null, column));
            }
        }

        return findings;
    }

    private static IEnumerable<Finding> KeyRules(BudgetTable table, (string Whole, string[] Parts)[] rules, string? side, string column)
    {
        foreach (var (wholeKey, partKeys) in rules)
        {
            var whole = TableSet.KeyRow(table, wholeKey, side);
            var parts = partKeys.Select(k => TableSet.KeyRow(table, k, side)).OfType<TableRow>().ToList();
            if (whole?.AmountIn(column) is not { } printed || parts.All(p => p.AmountIn(column) is null))
            {
                continue;
            }

            var sum = parts.Sum(p => p.AmountIn(column) ?? 0m);
            Func<string> what = () => $"{TableSet.Label(table, whole)}, column {column}: {wholeKey} = {string.Join(" + ", parts.Select(p => p.RowKey))}";
            if (Tolerance.Compare(CheckIds.SummarySum, what, sum, printed, table.TableKey, null, column, TableSet.LineOf(whole, column)) is { } f)
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> ExpenditureSide(BudgetTable table, string column)
    {
        var classRows = table.Rows.Where(r => r.Code is not null && r.Side != "income").ToList();
        var total = TableSet.KeyRow(table, "expenditure_total", "expenditure") ?? TableSet.KeyRow(table, "expenditure_total");
        if (total?.AmountIn(column) is { } printed)
        {
            var sum = TableSet.Sum(classRows, column) ?? 0m;
            Func<string> what = () => $"{TableSet.Label(table, total)}, column {column}: sum of the 类 rows";
            if (Tolerance.Compare(CheckIds.SummarySum, what, sum, printed, table.TableKey, null, column, TableSet.LineOf(total, column)) is { } f)
            {
                yield return f;
            }
        }

        var incomeColumn = table.TableNo == 1 ? "amount" : "total";
        if (column == incomeColumn && total?.AmountIn(column) is { } spent
            && (TableSet.KeyRow(table, "income_total", "income") ?? TableSet.KeyRow(table, "income_total")) is { } incomeRow
            && incomeRow.AmountIn(incomeColumn) is { } received)
        {
            var what = $"表{table.TableNo} 收入总计 against 支出总计";
            if (Tolerance.Compare(CheckIds.Balance, what, received, spent, table.TableKey, null, column, TableSet.LineOf(total, column)) is { } f)
            {
                yield return f;
            }
        }
    }
}
