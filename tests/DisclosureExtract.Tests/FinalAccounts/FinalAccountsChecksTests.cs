using System.Globalization;
using DisclosureExtract.Catalog;
using DisclosureExtract.Explanation;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;
using DisclosureExtract.Tables;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Tests.FinalAccounts;

/// <summary>
/// Every check of the final-accounts catalog, tripped and not: the tables of two real 决算 (the Shanghai template's planning
/// bureau and Foshan 2019, national layout) as the recognizer reads them give no error finding; one printed amount
/// changed by 100 trips the check that reads it.
/// </summary>
public sealed class FinalAccountsChecksTests
{
    private static readonly Lazy<IReadOnlyList<BudgetTable>> Planning = new(() => Read(TestPaths.Corpus("pdf", "shanghai_putuo_planning_2024_final_accounts.pdf")));

    private static readonly Lazy<IReadOnlyList<BudgetTable>> Foshan = new(() => Read(TestPaths.Corpus("real", "foshan_rail_transit_bureau_2019_dept_final_accounts.pdf")));

    private static IReadOnlyList<BudgetTable> Read(string path)
    {
        var doc = new PdfDocumentReader().Read(Path.GetFileNameWithoutExtension(path), path, File.ReadAllBytes(path), "");
        return TableRecognizer.Recognize(doc, [], Catalogs.FinalAccounts).Tables;
    }

    private static IReadOnlyList<BudgetTable> Of(string document) => document == "planning" ? Planning.Value : Foshan.Value;

    [Theory]
    [InlineData("planning")]
    [InlineData("foshan")]
    public void The_tables_as_printed_give_no_error_finding(string document)
    {
        var errors = Validator.Check(Of(document)).Where(f => f.Severity == Severity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
    }

    /// <summary>table key, the row (a code or a row key), the column, and the check that must see the change.</summary>
    [Theory]
    [InlineData("planning", "final_expenditure", "2080501", "basic", CheckIds.RowIdentity)] // 本年支出合计 = 基本 + 项目 + …
    [InlineData("planning", "final_expenditure", "2080501", "total", CheckIds.HierarchySum)] // 项 → 款
    [InlineData("planning", "final_income", "total", "total", CheckIds.CrossTotal)] // 表1 本年收入合计 = 表2 合计
    [InlineData("planning", "final_income_expenditure_summary", "expenditure_total", "amount", CheckIds.SummarySum)] // 支出总计 = 本年支出合计 + 年末结转
    [InlineData("planning", "final_income_expenditure_summary", "closing_balance", "amount", CheckIds.SummarySum)]
    [InlineData("planning", "final_income_expenditure_summary", "210", "amount", CheckIds.SummarySum)] // 类 rows → 本年支出合计
    [InlineData("planning", "final_expenditure", "210", "total", CheckIds.CrossRows)] // 表1 类 = 表3 类
    [InlineData("planning", "final_fiscal_appropriation_summary", "income_total", "total", CheckIds.SummarySum)] // both sides of 表4
    [InlineData("planning", "final_fiscal_appropriation_summary", "210", "general_budget", CheckIds.CrossRows)] // 表4 一般公共预算 = 表5
    [InlineData("planning", "final_general_budget_expenditure", "2101101", "total", CheckIds.CrossGeneralBudget)] // 表5 ≤ 表3
    [InlineData("planning", "final_general_budget_basic_expenditure", "personnel_total", "total", CheckIds.CrossBasic)] // 表6 = 表5 基本支出
    [InlineData("planning", "final_general_budget_basic_expenditure", "30101", "total", CheckIds.HierarchySum)]
    [InlineData("planning", "final_three_public_expenses", "reception", "final", CheckIds.SummarySum)] // 三公 合计 = items
    [InlineData("foshan", "final_government_fund", "total", "closing_balance", CheckIds.RowIdentity)] // 年初 + 收入 − 支出 = 年末
    [InlineData("foshan", "final_income_expenditure_summary", "income_total", "amount", CheckIds.SummarySum)]
    public void A_changed_amount_trips_its_check(string document, string table, string row, string column, string check)
    {
        var tables = Of(document);
        var changed = Change(tables, table, row, column, 100m);

        var findings = Validator.Check(changed);

        Assert.Contains(findings, f => f.Check == check && f.Severity != Severity.Info);
    }

    /// <summary>The tables with one amount changed: the first row of the table whose code or row key is given.</summary>
    private static List<BudgetTable> Change(IReadOnlyList<BudgetTable> tables, string tableKey, string row, string column, decimal by)
    {
        var result = new List<BudgetTable>();
        var done = false;
        foreach (var t in tables)
        {
            var target = t.TableKey == tableKey && !done ? t.Rows.FirstOrDefault(r => (r.Code ?? r.RowKey) == row && r.ValueOf(column) is not null) : null;
            if (target is null)
            {
                result.Add(t);
                continue;
            }

            var values = target.Values.Select(v => v.ColumnKey == column ? v with { Amount = v.Amount + by } : v).ToList();
            var rows = t.Rows.Select(r => ReferenceEquals(r, target) ? r with { Values = values } : r).ToList();
            result.Add(t with { Rows = rows });
            done = true;
        }

        Assert.True(done, string.Create(CultureInfo.InvariantCulture, $"no {tableKey} row {row} with a {column} amount"));
        return result;
    }

    /// <summary>The explanation's figures against the tables: a changed table amount that the text restates trips text_amount.</summary>
    [Theory]
    [InlineData("final_expenditure", "total", "total")] // 本年支出合计
    [InlineData("final_income", "total", "total")] // 本年收入合计
    [InlineData("final_three_public_expenses", "total", "final")] // 三公 决算数
    [InlineData("final_general_budget_expenditure", "total", "total")] // 一般公共预算财政拨款支出
    public void The_text_against_a_changed_table_amount_trips_text_amount(string table, string row, string column)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("pdf", "shanghai_putuo_planning_2024_final_accounts.pdf"), "planning"));
        var text = TextFiguresFromExplanation.Map(r.Explanation ?? ExplanationData.Empty);
        Assert.DoesNotContain(Validator.Check(r.Tables, text), f => f.Check == CheckIds.TextAmount && f.Severity != Severity.Info);

        var findings = Validator.Check(Change(r.Tables, table, row, column, 1m), text);

        Assert.Contains(findings, f => f.Check == CheckIds.TextAmount && f.Severity != Severity.Info);
    }
}
