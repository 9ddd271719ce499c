using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>
/// Column identities inside one row: 合计 = 基本支出 + 项目支出 (表3, 5, 8, 9), 基本支出 = 人员经费 + 公用经费,
/// 合计 = 人员经费 + 公用经费 (表6), 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转 (表2),
/// 财政拨款小计 = 一般公共预算 + 上级转移支付 + … (表2), 表7 合计 = its economic columns,
/// 合计 = 一般公共预算 + 政府性基金 + 国有资本经营 (表4 expenditure rows, 表10).
/// An identity applies only when the table has the columns; an empty cell counts as zero.
/// </summary>
public static class RowIdentityCheck
{
    private static readonly string[] FiscalSources =
        ["general_budget", "general_budget_transfer", "gov_fund", "gov_fund_transfer", "state_capital", "state_capital_transfer"];

    private static readonly string[] NonFiscalIncome =
        ["special_account", "unit_funds", "business_income", "operating_income", "other_income", "fiscal_carryover", "non_fiscal_carryover"];

    private static readonly string[] EconomicColumns =
        ["wages_welfare", "goods_services", "household_subsidy", "debt_interest", "capital_construction", "capital",
         "enterprise_subsidy_construction", "enterprise_subsidy", "social_security_fund_subsidy", "other"];

    private static readonly string[] FundTypes = ["general_budget", "gov_fund", "state_capital"];

    /// <summary>The identities (whole = parts) that apply to a table with these columns.</summary>
    public static IReadOnlyList<(string Whole, string[] Parts)> IdentitiesFor(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cols = table.Columns;
        var result = new List<(string, string[])>();
        void Add(string whole, string[] parts)
        {
            if (!cols.Contains(whole))
            {
                return;
            }

            var present = Array.FindAll(parts, cols.Contains);
            if (present.Length > 0)
            {
                result.Add((whole, present));
            }
        }

        switch (table.TableNo)
        {
            case 2:
                if (cols.Contains("fiscal_subtotal"))
                {
                    Add("fiscal_subtotal", FiscalSources);
                    Add("total", ["fiscal_subtotal", .. NonFiscalIncome]);
                }
                else
                {
                    Add("total", [.. FiscalSources, .. NonFiscalIncome]);
                }

                break;
            case 3 or 5 or 8 or 9:
                if (cols.Contains("basic"))
                {
                    Add("basic", ["personnel", "public_use"]);
                    Add("total", ["basic", "project"]);
                }
                else
                {
                    Add("total", ["personnel", "public_use", "project"]);
                }

                break;
            case 6:
                Add("total", ["personnel", "public_use"]);
                break;
            case 7:
                Add("total", EconomicColumns);
                break;
            case 4 or 10:
                Add("total", FundTypes);
                break;
        }

        return result;
    }

    public static IEnumerable<Finding> Run(TableSet tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables.All)
        {
            var identities = IdentitiesFor(table);
            foreach (var row in table.Rows)
            {
                if (row.Values.Count == 0 || (table.TableNo == 4 && (row.Side == "income" || (row.Code is null && row.RowKey != "expenditure_total"))))
                {
                    continue;
                }

                for (var k = 0; k < identities.Count; k++)
                {
                    var (whole, parts) = identities[k];
                    var printed = row.AmountIn(whole);
                    var sum = 0m;
                    var anyPart = false;
                    foreach (var p in parts)
                    {
                        var v = row.AmountIn(p);
                        anyPart |= v is not null;
                        sum += v ?? 0m;
                    }

                    // the description (names the row) only for a difference
                    if ((printed is null && !anyPart) || Tolerance.Classify(sum, printed ?? 0m) is null)
                    {
                        continue;
                    }

                    yield return Tolerance.Compare(CheckIds.RowIdentity, $"{TableSet.Label(table, row)}: {whole} = {string.Join(" + ", parts)}", sum, printed ?? 0m,
                        table.TableKey, row.Code, whole, TableSet.LineOf(row, whole))!;
                }
            }
        }
    }
}
