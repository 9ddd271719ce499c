using System.Text;
using DisclosureExtract.Catalog;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.FinalAccounts;

/// <summary>
/// The final-accounts catalog (Catalog/final_accounts.json) as data: it loads, its titles classify by meaning (and no
/// budget title does, nor it a budget catalog's), and every key it uses is a key of the schema for that table.
/// Independent of the validator, which evaluates the rules and identities.
/// </summary>
public sealed class FinalAccountsCatalogTests
{
    private static DisclosureCatalog Final => Catalogs.FinalAccounts;

    [Fact]
    public void The_catalog_loads_with_its_kind_and_document_word()
    {
        Assert.Equal("final_accounts", Final.Kind);
        Assert.Equal(["决算"], Final.DocumentWords);
        Assert.Same(Final, Catalogs.For("决算"));
        Assert.Same(Catalogs.Budget, Catalogs.For("预算"));
        Assert.Same(Catalogs.Budget, Catalogs.For(null));
        Assert.Contains(Final, Catalogs.All);
    }

    [Theory]
    // the national / Shanghai template, Foshan (表N above the title), years and 部门/单位 before the title
    [InlineData("收入支出决算总表", "final_income_expenditure_summary")]
    [InlineData("2019年部门收支决算总表", "final_income_expenditure_summary")]
    [InlineData("收入决算表", "final_income")]
    [InlineData("支出决算表", "final_expenditure")]
    [InlineData("财政拨款收入支出决算总表", "final_fiscal_appropriation_summary")]
    [InlineData("一般公共预算财政拨款收入支出决算表", "final_fiscal_appropriation_summary")]
    [InlineData("一般公共预算财政拨款支出决算表", "final_general_budget_expenditure")]
    [InlineData("一般公共预算财政拨款支出决算明细表", "final_general_budget_expenditure")]
    [InlineData("公共财政拨款支出决算表", "final_general_budget_expenditure")]
    [InlineData("一般公共预算财政拨款基本支出决算表", "final_general_budget_basic_expenditure")]
    [InlineData("一般公共预算财政拨款基本支出决算明细表", "final_general_budget_basic_expenditure")]
    [InlineData("财政拨款“三公”经费支出决算表", "final_three_public_expenses")]
    [InlineData("一般公共预算财政拨款“三公”经费支出决算表", "final_three_public_expenses")]
    [InlineData("“三公”经费、会议费、培训费支出决算表", "final_three_public_expenses")]
    [InlineData("政府性基金预算财政拨款收入支出决算表", "final_government_fund")]
    [InlineData("国有资本经营预算财政拨款收入支出决算表", "final_state_capital")]
    [InlineData("国有资本经营预算财政拨款支出决算表", "final_state_capital")]
    [InlineData("一般公共预算财政拨款项目支出决算表", "final_project_expenditure")]
    public void Final_titles_are_matched_by_meaning(string title, string key)
    {
        Assert.Equal(key, Final.ClassifyTitle(title)?.Key);
        Assert.Null(Catalogs.Budget.ClassifyTitle(title)); // a 决算 title is no budget table
    }

    [Theory]
    [InlineData("部门收支总体情况表")]
    [InlineData("一般公共预算支出情况表")]
    [InlineData("财政拨款“三公”经费支出情况表")]
    [InlineData("政府性基金预算支出表")]
    [InlineData("项目支出绩效自评表")]
    [InlineData("目录")]
    public void Budget_titles_and_other_tables_are_not_final_tables(string title)
    {
        Assert.Null(Final.ClassifyTitle(title));
    }

    [Fact]
    public void Every_table_kind_is_a_final_accounts_table_of_the_schema_with_its_number()
    {
        var schema = Schema.Current.Tables.Where(t => t.kind == "final_accounts").ToDictionary(t => t.table_key);
        foreach (var t in Final.Tables)
        {
            Assert.True(schema.TryGetValue(t.Key, out var def), $"{t.Key} is not in Schema/tables.csv");
            Assert.Equal(def.table_no, t.Number);
            Assert.Equal(def.classification, t.Classification);
        }

        // the nine tables of the shared schema are all in the catalog
        Assert.Equal(Enumerable.Range(1, 9), schema.Values.Where(d => d.table_no <= 9).Select(d => d.table_no).Order());
        Assert.All(schema.Keys, k => Assert.NotNull(Final.ByKey(k)));
    }

    [Fact]
    public void Every_column_of_a_kind_is_a_schema_column_of_that_table()
    {
        var columns = Schema.Current.Columns.ToDictionary(c => c.column_key);
        foreach (var t in Final.Tables)
        {
            foreach (var c in t.Columns.Select(c => c.Key).Concat(t.Rules.SelectMany(r => r.SignedParts.Select(p => p.Key).Append(r.Total))))
            {
                Assert.True(columns.TryGetValue(c, out var def), $"{t.Key}: column {c} is not in Schema/columns.csv");
                Assert.Contains("f" + t.Number, def.tables.Split(' '));
            }
        }

        // labels name schema columns too
        Assert.All(Final.ColumnLabels, l => Assert.True(columns.ContainsKey(l.Key), $"label {l.Key} is not a schema column"));
    }

    [Fact]
    public void Every_row_key_of_a_row_set_is_a_schema_row_key_of_the_tables_that_use_it()
    {
        var rowKeys = Schema.Current.RowKeys.ToDictionary(r => r.row_key);
        foreach (var t in Final.Tables.Where(t => t.RowSet is not null))
        {
            var set = Final.RowSetOf(t)!;
            var keys = set.Labels.Select(l => l.Key).Concat(set.Rules.SelectMany(r => r.SignedParts.Select(p => p.Key).Append(r.Total))).Distinct();
            foreach (var k in keys)
            {
                Assert.True(rowKeys.TryGetValue(k, out var def), $"{t.Key}: row key {k} is not in Schema/row-keys.csv");
                Assert.Contains("f" + t.Number, def.tables.Split(' '));
            }
        }
    }

    [Fact]
    public void Identities_and_hints_name_tables_and_columns_of_the_catalog()
    {
        foreach (var r in Final.Identities.SelectMany(i => new[] { i.Left, i.Right }).Concat(Final.Hints.SelectMany(h => new[] { h.Target, h.Source })))
        {
            var kind = Final.ByKey(r.Table);
            Assert.NotNull(kind);
            Assert.All(r.Columns, c => Assert.True(kind.ColumnIndex(c) >= 0 || (kind.IncomeColumn == c), $"{r.Table} has no column {c}"));
            var set = Final.RowSetOf(kind);
            foreach (var k in r.RowKeys.Concat(r.Row is { } row && row != "total" ? [row] : []))
            {
                Assert.True(set is not null && set.Labels.Any(l => l.Key == k), $"{r.Table} has no row {k}");
            }
        }
    }

    [Fact]
    public void The_fund_tables_say_closing_balance_is_opening_plus_income_minus_expenditure()
    {
        var rule = Final.ByKey("final_government_fund")!.Rules.Single(r => r.Total == "closing_balance");
        Assert.Equal(["opening_balance", "income"], rule.Parts);
        Assert.Equal(["total"], rule.Minus);
        Assert.Equal([("opening_balance", 1), ("income", 1), ("total", -1)], rule.SignedParts);

        // 本年支出合计 of 表1 is its 类 rows; 表6's block totals are classes by code
        var classes = Final.RowSets["final_income"].Rules.Single(r => r.Total == "current_expenditure_total");
        Assert.Equal(["*"], classes.ClassRows);
        Assert.Equal(["301", "303"], Final.RowSets["final_basic_totals"].Rules.Single(r => r.Total == "personnel_total").ClassRows);
    }

    [Fact]
    public void The_identities_of_final_accounts_use_the_check_ids_of_the_budget_where_they_mean_the_same()
    {
        var budget = Catalogs.Budget.Identities.Select(i => i.Check).ToHashSet();
        Assert.All(Final.Identities, i => Assert.Contains(i.Check, budget));
        Assert.Contains(Final.Identities, i => i.Check == "cross_basic" && i.Left.RowKeys.SequenceEqual(["personnel_total", "public_use_total"]) && i.Rows == RowPairing.Cell);
    }

    [Theory]
    [InlineData("""{ "total": "a", "parts": ["b", "- c"] }""")]
    [InlineData("""{ "total": "a", "parts": ["-"] }""")]
    [InlineData("""{ "total": "a", "parts": [] }""")]
    public void A_rule_the_loader_does_not_understand_is_refused_with_its_place(string rule)
    {
        var json = $$"""{ "kind": "x", "tables": [ { "key": "t", "no": 1, "shape": "coded", "columns": [], "rules": [ {{rule}} ] } ] }""";
        var ex = Assert.Throws<InvalidDataException>(() => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.StartsWith("catalog: a:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_may_be_written_with_a_plus_sign()
    {
        var json = """{ "kind": "x", "tables": [ { "key": "t", "no": 1, "shape": "coded", "columns": [], "rules": [ { "total": "a", "parts": ["+b", "-c"] } ] } ] }""";
        var rule = CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))).ByKey("t")!.Rules.Single();
        Assert.Equal(["b"], rule.Parts);
        Assert.Equal(["c"], rule.Minus);
    }
}
