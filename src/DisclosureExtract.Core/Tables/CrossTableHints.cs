using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// What the document's other tables say about a table's cells: expected values (表7 tells which 项 are project
/// spending and how much; 表5 is the general-budget part of 表3; 表1's income rows are 表2's 合计 row; 表4's
/// income side and 表5 give 表4's expenditure columns) and plausibility (the economic class of a 表6 row).
/// Row ids: the code, "#total" for the 合计 row, or the row_key.
/// </summary>
internal sealed class CrossTableHints
{
    public const string TotalRow = "#total";

    /// <summary>Expected column values for a row; applies only when the row's first amount equals WhenTotal (if set).</summary>
    public sealed record Expectation(decimal? WhenTotal, PerColumn<decimal> Values);

    public Dictionary<string, Expectation> Expected { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PerColumn<double>> Bonus { get; } = new(StringComparer.Ordinal);

    private static readonly string[] BasicAndProject = ["basic", "project"];

    public static CrossTableHints For(TableKind kind, IReadOnlyDictionary<int, BudgetTable> solved, IReadOnlyList<RawRow> rows)
    {
        var h = new CrossTableHints();
        switch (kind.Number)
        {
            case 5:
                h.ProjectFromTable7(solved, rows);
                break;
            case 3:
                h.FromTable5(solved);
                h.ProjectBonusFromTable7(solved);
                break;
            case 2:
                h.FromTable1Income(solved);
                break;
            case 4:
                h.GeneralBudgetFromTable5(solved);
                break;
            case 6:
                h.EconomicClassBonus(rows);
                break;
            case 7:
                h.FundSubsidyBonus(rows);
                break;
            default:
                break;
        }

        return h;
    }

    private static string RowId(TableRow r) => r.Code ?? (r.RowKey == "total" || r.RowKey == "expenditure_total" ? TotalRow : r.RowKey ?? string.Empty);

    private void Expect(string id, string column, decimal value, decimal? whenTotal = null)
    {
        if (!Expected.TryGetValue(id, out var e))
        {
            e = new Expectation(whenTotal, new PerColumn<decimal>());
            Expected[id] = e;
        }

        e.Values.Set(column, value);
    }

    private void Prefer(string id, string column, double bonus)
    {
        if (!Bonus.TryGetValue(id, out var d))
        {
            d = new PerColumn<double>();
            Bonus[id] = d;
        }

        d.Set(column, d.Get(column, 0) + bonus);
    }

    /// <summary>表5 项目支出 per code = the 表7 amounts of that code; a code 表7 does not list has no project spending.</summary>
    private void ProjectFromTable7(IReadOnlyDictionary<int, BudgetTable> solved, IReadOnlyList<RawRow> rows)
    {
        if (!solved.TryGetValue(7, out var t7) || t7.IsEmpty || !t7.Rows.Any(r => r.Code is { Length: 7 }))
        {
            return;
        }

        foreach (var (id, total) in Table7Totals(t7))
        {
            Expect(id, "project", total);
        }

        foreach (var r in rows)
        {
            if (r.Code is { } c && !Expected.ContainsKey(c))
            {
                Expect(c, "project", 0);
            }
        }
    }

    private void ProjectBonusFromTable7(IReadOnlyDictionary<int, BudgetTable> solved)
    {
        if (!solved.TryGetValue(7, out var t7) || t7.IsEmpty)
        {
            return;
        }

        foreach (var (id, total) in Table7Totals(t7))
        {
            if (total != 0)
            {
                Prefer(id, "project", 1);
            }
        }
    }

    private static Dictionary<string, decimal> Table7Totals(BudgetTable t7)
    {
        // per row id in the order first seen: the sum over its rows with a project, else the first row's amount
        var first = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        var projects = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var r in t7.Rows)
        {
            if (r.Code is null && r.RowKey != "total")
            {
                continue;
            }

            var id = RowId(r);
            if (first.TryAdd(id, r))
            {
                ids.Add(id);
            }

            if (r.ProjectName is not null)
            {
                projects[id] = projects.GetValueOrDefault(id) + (r.AmountIn("total") ?? 0);
            }
        }

        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            totals[id] = projects.TryGetValue(id, out var sum) ? sum : 0m + (first[id].AmountIn("total") ?? 0);
        }

        return totals;
    }

    /// <summary>Where a 表3 row has the same 合计 as the 表5 row of its code, all of it is general budget: same basic and project.</summary>
    private void FromTable5(IReadOnlyDictionary<int, BudgetTable> solved)
    {
        if (!solved.TryGetValue(5, out var t5))
        {
            return;
        }

        foreach (var r in t5.Rows)
        {
            if (r.AmountIn("total") is not { } total)
            {
                continue;
            }

            var id = RowId(r);
            foreach (var col in BasicAndProject)
            {
                Expect(id, col, r.AmountIn(col) ?? 0, total);
            }
        }
    }

    /// <summary>表2's funding columns and the 表1 income rows that make them up.</summary>
    private static readonly (string Column, string[] RowKeys)[] Table1IncomeColumns =
    [
        ("general_budget", ["general_revenue"]),
        ("general_budget_transfer", ["general_budget_transfer"]),
        ("gov_fund", ["gov_fund_revenue"]),
        ("gov_fund_transfer", ["gov_fund_transfer"]),
        ("state_capital", ["state_capital_revenue"]),
        ("state_capital_transfer", ["state_capital_transfer"]),
        ("special_account", ["special_account"]),
        ("unit_funds", ["unit_funds"]),
        ("fiscal_carryover", ["fiscal_carryover"]),
        ("non_fiscal_carryover", ["non_fiscal_carryover"]),
        ("fiscal_subtotal", ["general_budget_appropriation", "gov_fund_appropriation", "state_capital_appropriation"]),
    ];

    /// <summary>表4's expenditure columns and the income rows that fund them.</summary>
    private static readonly (string Column, string RowKey)[] OwnIncomeColumns =
        [("general_budget", "general_budget_appropriation"), ("gov_fund", "gov_fund_appropriation"), ("state_capital", "state_capital_appropriation")];

    /// <summary>表1's income rows are the funding columns of 表2's 合计 row.</summary>
    private void FromTable1Income(IReadOnlyDictionary<int, BudgetTable> solved)
    {
        if (!solved.TryGetValue(1, out var t1))
        {
            return;
        }

        var income = t1.Rows.Where(r => r.Side == "income" && r.RowKey is not null).GroupBy(r => r.RowKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (column, keys) in Table1IncomeColumns)
        {
            if (keys.All(income.ContainsKey))
            {
                Expect(TotalRow, column, keys.Sum(k => income[k].AmountIn("amount") ?? 0));
            }
        }
    }

    /// <summary>表4's income side (一般公共预算 / 政府性基金预算 / 国有资本经营预算) is its expenditure total per column.</summary>
    public void FromOwnIncome(IEnumerable<TableRow> incomeRows)
    {
        var income = incomeRows.Where(r => r.RowKey is not null).GroupBy(r => r.RowKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (column, key) in OwnIncomeColumns)
        {
            if (income.TryGetValue(key, out var r))
            {
                Expect(TotalRow, column, r.AmountIn("total") ?? 0);
            }
        }
    }

    private void GeneralBudgetFromTable5(IReadOnlyDictionary<int, BudgetTable> solved)
    {
        if (!solved.TryGetValue(5, out var t5))
        {
            return;
        }

        foreach (var r in t5.Rows.Where(r => r.Code is { Length: 3 }))
        {
            Expect(r.Code!, "general_budget", r.AmountIn("total") ?? 0);
        }
    }

    /// <summary>人员经费 are 工资福利支出 (301) and 对个人和家庭的补助 (303); 公用经费 the rest (商品和服务支出 302, 资本性支出 310 …).</summary>
    private void EconomicClassBonus(IReadOnlyList<RawRow> rows)
    {
        foreach (var r in rows)
        {
            if (r.Code is { Length: >= 3 } c)
            {
                Prefer(c, c.StartsWith("301", StringComparison.Ordinal) || c.StartsWith("303", StringComparison.Ordinal) ? "personnel" : "public_use", 1);
            }
        }
    }

    /// <summary>Function classes named as subsidies to a fund (财政对…基金的补助) are the plausible rows of 对社会保障基金补助.</summary>
    private void FundSubsidyBonus(IReadOnlyList<RawRow> rows)
    {
        foreach (var r in rows)
        {
            var name = Text.TextNormalizer.RemoveWhiteSpace(r.CellName ?? r.JoinedText);
            if (r.Code is { } c && (name.Contains("基金的补助", StringComparison.Ordinal) || name.Contains("基金补助", StringComparison.Ordinal)))
            {
                if (!Bonus.ContainsKey(c))
                {
                    var bonus = new PerColumn<double>();
                    bonus.Set("social_security_fund_subsidy", 1.5);
                    Bonus.Add(c, bonus);
                }
            }
        }
    }
}
