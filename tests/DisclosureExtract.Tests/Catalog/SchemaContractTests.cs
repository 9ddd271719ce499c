using DisclosureExtract.Catalog;

namespace DisclosureExtract.Tests.Catalog;

/// <summary>
/// The catalogs (Catalog/*.json) and the public schema (Schema/*.csv) agree: every key a catalog can output is a schema
/// key, every schema table is a catalog kind (or output-only: other), the original public keys are kept, every title in
/// the schema is read as its own kind, and docs/schema.md lists every key.
/// </summary>
public sealed class SchemaContractTests
{
    /// <summary>The keys of the original public schema (tables.csv, columns.csv, row-keys.csv as first published).</summary>
    private static readonly string[] OriginalTables =
    [
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_appropriation_summary", "general_budget_expenditure",
        "general_budget_basic_expenditure", "general_budget_project_expenditure", "government_fund_expenditure", "state_capital_expenditure",
        "three_public_expenses", "prior_year_carryover", "final_income_expenditure_summary", "final_income", "final_expenditure",
        "final_fiscal_appropriation_summary", "final_general_budget_expenditure", "final_general_budget_basic_expenditure",
        "final_three_public_expenses", "final_government_fund", "final_state_capital",
    ];

    private static readonly string[] OriginalColumns =
    [
        "amount", "total", "fiscal_subtotal", "general_budget", "general_budget_transfer", "gov_fund", "gov_fund_transfer", "state_capital",
        "state_capital_transfer", "special_account", "unit_funds", "fiscal_carryover", "non_fiscal_carryover", "business_income",
        "operating_income", "other_income", "basic", "project", "personnel", "public_use", "wages_welfare", "goods_services",
        "household_subsidy", "debt_interest", "capital_construction", "capital", "enterprise_subsidy_construction", "enterprise_subsidy",
        "social_security_fund_subsidy", "other", "superior_subsidy", "subsidiary_income", "remit_to_superior", "operating_expenditure",
        "subsidiary_subsidy", "opening_balance", "income", "closing_balance", "budget", "final", "carryover",
    ];

    private static readonly string[] OriginalRowKeys =
    [
        "current_income", "general_budget_appropriation", "general_revenue", "general_budget_transfer", "gov_fund_appropriation",
        "gov_fund_revenue", "gov_fund_transfer", "state_capital_appropriation", "state_capital_revenue", "state_capital_transfer",
        "special_account", "unit_funds", "business_income", "superior_subsidy", "subsidiary_income", "operating_income", "other_income",
        "carryover", "fiscal_carryover", "fiscal_carryover_general_budget", "fiscal_carryover_gov_fund", "fiscal_carryover_state_capital",
        "non_fiscal_carryover", "fiscal_appropriation", "income_total", "expenditure_total", "total", "overseas_travel", "reception",
        "vehicles", "vehicle_purchase", "vehicle_operation", "operating_expenses", "current_income_total", "current_expenditure_total",
        "non_fiscal_balance_used", "surplus_distribution", "opening_balance", "closing_balance", "opening_fiscal_balance",
        "opening_fiscal_balance_general_budget", "opening_fiscal_balance_gov_fund", "opening_fiscal_balance_state_capital",
        "closing_fiscal_balance", "closing_fiscal_balance_general_budget", "closing_fiscal_balance_gov_fund",
        "closing_fiscal_balance_state_capital", "personnel_total", "public_use_total",
    ];

    /// <summary>Table keys that are output but are no catalog kind.</summary>
    private static readonly string[] OutputOnlyTables = ["other"];

    private sealed record Schema(IReadOnlySet<string> Tables, IReadOnlySet<string> Columns, IReadOnlySet<string> RowKeys);

    private static string SchemaFile(string name) => Path.Combine(TestPaths.Root, "src", "DisclosureExtract.Core", "Schema", name);

    /// <summary>The keys of one column of a schema CSV (keys are never quoted and come before any quoted field).</summary>
    private static List<string> Keys(string file, int field) =>
        File.ReadLines(SchemaFile(file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[field]).ToList();

    private static Schema Current() =>
        new(Keys("tables.csv", 1).ToHashSet(), Keys("columns.csv", 0).ToHashSet(), Keys("row-keys.csv", 0).ToHashSet());

    /// <summary>Every key a catalog can put in the output that the schema does not define, as "kind: what key".</summary>
    private static List<string> Undefined(IEnumerable<DisclosureCatalog> catalogs, Schema schema)
    {
        var missing = new List<string>();
        foreach (var c in catalogs)
        {
            void Need(IReadOnlySet<string> set, string what, string key)
            {
                if (!set.Contains(key))
                {
                    missing.Add($"{c.Kind}: {what} {key}");
                }
            }

            foreach (var t in c.Tables)
            {
                Need(schema.Tables, "table_key", t.Key);
                foreach (var col in t.Columns)
                {
                    Need(schema.Columns, $"column_key (table {t.Key})", col.Key);
                }

                foreach (var l in t.Labels)
                {
                    Need(schema.Columns, $"column_key (labels of {t.Key})", l.Key);
                }
            }

            foreach (var l in c.ColumnLabels)
            {
                Need(schema.Columns, "column_key (column_labels)", l.Key);
            }

            foreach (var set in c.RowSets.Values)
            {
                foreach (var r in set.Labels)
                {
                    Need(schema.RowKeys, $"row_key (row set {set.Name})", r.Key);
                }
            }
        }

        return missing.Distinct().ToList();
    }

    [Fact]
    public void Every_key_either_catalog_outputs_is_defined_in_the_schema()
    {
        Assert.Empty(Undefined(Catalogs.All, Current()));
    }

    [Fact]
    public void The_check_finds_a_key_the_schema_lost()
    {
        var s = Current();
        var broken = new Schema(s.Tables, s.Columns.Where(k => k != "general_budget").ToHashSet(), s.RowKeys.Where(k => k != "reception").ToHashSet());

        var missing = Undefined([Catalogs.Budget], broken);

        Assert.Contains("budget: column_key (column_labels) general_budget", missing);
        Assert.Contains(missing, m => m.EndsWith(" reception", StringComparison.Ordinal) && m.StartsWith("budget: row_key", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_schema_table_is_a_catalog_kind_or_output_only()
    {
        var kinds = Catalogs.All.SelectMany(c => c.Tables).Select(t => t.Key).ToHashSet();

        Assert.Empty(Current().Tables.Where(k => !kinds.Contains(k) && !OutputOnlyTables.Contains(k)).ToList());
    }

    [Fact]
    public void The_schema_keeps_every_key_of_the_original_public_schema()
    {
        var s = Current();

        Assert.Empty(OriginalTables.Where(k => !s.Tables.Contains(k)).ToList());
        Assert.Empty(OriginalColumns.Where(k => !s.Columns.Contains(k)).ToList());
        Assert.Empty(OriginalRowKeys.Where(k => !s.RowKeys.Contains(k)).ToList());
    }

    [Fact]
    public void Every_table_key_is_unique_per_kind_and_snake_case()
    {
        var rows = File.ReadLines(SchemaFile("tables.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        Assert.Empty(rows.GroupBy(r => r[1]).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(Keys("tables.csv", 1).Concat(Keys("columns.csv", 0)).Concat(Keys("row-keys.csv", 0)),
            k => Assert.Matches("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", k));
    }

    /// <summary>The catalogs carry no title examples; the schema's printed titles (title_zh, variants split on " / ") are
    /// the examples: each is read as its own kind by the catalog of its kind.</summary>
    [Fact]
    public void Every_schema_title_is_read_as_its_own_kind()
    {
        var wrong = new List<string>();
        foreach (var line in File.ReadLines(SchemaFile("tables.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            var (key, titles, kind) = (f[1], f[2], f[^1]);
            if (OutputOnlyTables.Contains(key))
            {
                continue;
            }

            var catalog = Catalogs.All.Single(c => c.Kind == kind);
            foreach (var title in titles.Split(" / "))
            {
                var got = catalog.ClassifyTitle(title)?.Key;
                if (got != key)
                {
                    wrong.Add($"{kind} {title}: {got ?? "(not a table)"} instead of {key}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Docs_schema_lists_every_key()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "schema.md"));
        var s = Current();

        Assert.Empty(s.Tables.Concat(s.Columns).Concat(s.RowKeys).Where(k => !doc.Contains($"`{k}`", StringComparison.Ordinal)).ToList());
    }
}
