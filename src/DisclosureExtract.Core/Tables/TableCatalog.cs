namespace DisclosureExtract.Tables;

/// <summary>How a table's rows are keyed.</summary>
internal enum TableShape
{
    /// <summary>Rows by 类/款/项 code (function or economic classification) and a 合计/总计 row.</summary>
    Coded,

    /// <summary>表1/表4: income rows by row_key on the left, expenditure rows by 类 code on the right.</summary>
    TwoSided,

    /// <summary>表10: rows by row_key (合计, 因公出国(境)费 …).</summary>
    Named,
}

/// <summary>A money column a table kind can have, with the header words that name it and how plausible it is to hold a value.</summary>
/// <param name="Key">column_key from schema/columns.csv.</param>
/// <param name="Labels">Header words (NFKC-folded, no white space), most specific first.</param>
/// <param name="Prior">Plausibility of a value in this column when arithmetic cannot decide (higher = more plausible).</param>
internal sealed record ColumnSpec(string Key, IReadOnlyList<string> Labels, double Prior);

/// <summary>A row identity: Total = sum of Parts (missing cells count as 0).</summary>
internal sealed record SumRule(string Total, IReadOnlyList<string> Parts);

/// <summary>What a kind of budget table looks like: its key, row shape, possible columns in printed order, and the arithmetic its rows satisfy.</summary>
internal sealed record TableKind(int Number, string Key, TableShape Shape, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<SumRule> Rules)
{
    public ColumnSpec? Column(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return Columns[i];
            }
        }

        return null;
    }

    /// <summary>Every header label with its column, longest first (equal lengths in column and label order).</summary>
    public IReadOnlyList<(string Label, string Key)> LabelsLongestFirst { get; } =
        Columns.SelectMany(c => c.Labels.Select(l => (l, c.Key))).OrderByDescending(x => x.l.Length).ToArray();

    /// <summary>Function classes (支出功能分类) are 2xx; the economic classes of 表6 are 3xx (部门预算) or 5xx (政府预算).</summary>
    public bool IsPlausibleCode(string code) => code.Length > 0 && (Number == 6 ? code[0] is '3' or '5' : code[0] == '2');
}

/// <summary>The table kinds of schema/tables.csv, and the mapping of a printed title to its kind by meaning.</summary>
internal static class TableCatalog
{
    private static ColumnSpec C(string key, double prior, params string[] labels) => new(key, labels, prior);

    private static readonly ColumnSpec[] BasicProject =
    [
        C("total", 5, "合计", "总计"),
        C("basic", 2, "基本支出"),
        C("personnel", 1, "人员经费"),
        C("public_use", 0.9, "公用经费"),
        C("project", 1.9, "项目支出"),
    ];

    private static readonly SumRule[] BasicProjectRules =
    [
        new("total", ["basic", "project"]),
        new("basic", ["personnel", "public_use"]),
    ];

    private static readonly ColumnSpec[] FundSources =
    [
        C("total", 5, "合计", "总计"),
        C("general_budget", 3, "一般公共预算"),
        C("gov_fund", 1, "政府性基金预算", "政府性基金"),
        C("state_capital", 0.8, "国有资本经营预算"),
    ];

    private static readonly SumRule[] FundSourceRules = [new("total", ["general_budget", "gov_fund", "state_capital"])];

    public static readonly IReadOnlyList<TableKind> Kinds =
    [
        new(1, "income_expenditure_summary", TableShape.TwoSided, [C("amount", 5, "预算数", "金额", "决算数")], []),
        new(2, "income_summary", TableShape.Coded,
        [
            C("total", 5, "总计", "合计"),
            C("fiscal_subtotal", 4, "财政拨款(补助)小计", "财政拨款小计", "小计", "财政拨款收入"),
            C("general_budget", 3, "一般公共预算"),
            C("general_budget_transfer", 1, "上级一般公共预算安排的转移支付", "上级一般公共预算转移支付"),
            C("gov_fund", 1, "政府性基金预算"),
            C("gov_fund_transfer", 0.3, "上级政府性基金安排的转移支付", "上级政府性基金转移支付"),
            C("state_capital", 0.5, "国有资本经营预算"),
            C("state_capital_transfer", 0.2, "上级国有资本经营预算安排的转移支付", "上级国有资本经营预算转移支付"),
            C("special_account", 0.3, "财政专户(教育收费)", "财政专户(教育费)", "财政专户"),
            C("unit_funds", 1, "单位资金"),
            C("business_income", 0.3, "事业收入"),
            C("operating_income", 0.2, "事业单位经营收入"),
            C("other_income", 0.3, "其他收入"),
            C("fiscal_carryover", 1, "财政拨款结转"),
            C("non_fiscal_carryover", 0.5, "非财政拨款结转结余", "非财政拨款结余"),
        ],
        [
            new("total", ["fiscal_subtotal", "special_account", "unit_funds", "business_income", "operating_income", "other_income", "fiscal_carryover", "non_fiscal_carryover"]),
            new("fiscal_subtotal", ["general_budget", "general_budget_transfer", "gov_fund", "gov_fund_transfer", "state_capital", "state_capital_transfer"]),
        ]),
        new(3, "expenditure_summary", TableShape.Coded, BasicProject, BasicProjectRules),
        new(4, "fiscal_appropriation_summary", TableShape.TwoSided, FundSources, FundSourceRules),
        new(5, "general_budget_expenditure", TableShape.Coded, BasicProject, BasicProjectRules),
        new(6, "general_budget_basic_expenditure", TableShape.Coded,
        [
            C("total", 5, "合计", "总计"),
            C("personnel", 2, "人员经费"),
            C("public_use", 1.5, "公用经费"),
        ],
        [new("total", ["personnel", "public_use"])]),
        new(7, "general_budget_project_expenditure", TableShape.Coded,
        [
            C("total", 5, "项目支出合计", "合计", "总计"),
            C("wages_welfare", 0.6, "工资福利支出"),
            C("goods_services", 3, "商品和服务支出"),
            C("household_subsidy", 2.5, "对个人和家庭的补助"),
            C("debt_interest", 0.2, "债务利息及费用支出"),
            C("capital_construction", 0.5, "资本性支出(基本建设)"),
            C("capital", 1.2, "资本性支出"),
            C("enterprise_subsidy_construction", 0.3, "对企业补助(基本建设)"),
            C("enterprise_subsidy", 0.4, "对企业补助"),
            C("social_security_fund_subsidy", 1, "对社会保障基金补助"),
            C("other", 0.8, "其他支出"),
        ],
        [new("total", ["wages_welfare", "goods_services", "household_subsidy", "debt_interest", "capital_construction", "capital", "enterprise_subsidy_construction", "enterprise_subsidy", "social_security_fund_subsidy", "other"])]),
        new(8, "government_fund_expenditure", TableShape.Coded, BasicProject, BasicProjectRules),
        new(9, "state_capital_expenditure", TableShape.Coded, BasicProject, BasicProjectRules),
        new(10, "three_public_expenses", TableShape.Named, FundSources, FundSourceRules),
        new(11, "prior_year_carryover", TableShape.Coded, BasicProject, BasicProjectRules),
    ];

    public static TableKind ByNumber(int number) => Kinds.First(k => k.Number == number);

    /// <summary>
    /// The kind a title names, by meaning: 单位收支总体情况表, 部门收支总体情况表 and 部门财务收支预算总表 are all
    /// income_expenditure_summary; 一般公共预算基本支出部门预算经济分类预算表 is the basic-expenditure table, and so on.
    /// Null when the text is not a budget table title.
    /// </summary>
    public static TableKind? ClassifyTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = Text.TextNormalizer.RemoveWhiteSpace(Text.TextNormalizer.Fold(title));
        if (!t.Contains('表', StringComparison.Ordinal) || t.Contains("绩效", StringComparison.Ordinal) || t.Contains("目标", StringComparison.Ordinal))
        {
            return null;
        }

        if (t.Contains("决算", StringComparison.Ordinal))
        {
            return null; // final accounts (决算) have a table set of their own, not yet mapped: better no rows than wrong keys
        }

        bool Has(string s) => t.Contains(s, StringComparison.Ordinal);
        int? n = null;
        if (Has("三公"))
        {
            n = 10;
        }
        else if (Has("结转结余") && !Has("收支"))
        {
            n = 11;
        }
        else if (Has("政府性基金") && Has("支出") && !Has("收支"))
        {
            n = 8;
        }
        else if (Has("国有资本经营") && Has("支出") && !Has("收支"))
        {
            n = 9;
        }
        else if (Has("项目支出"))
        {
            n = 7;
        }
        else if (Has("基本支出"))
        {
            n = 6;
        }
        else if (Has("一般公共预算") && Has("支出"))
        {
            n = 5;
        }
        else if (Has("财政拨款") && Has("收支"))
        {
            n = 4;
        }
        else if (Has("收支"))
        {
            n = 1;
        }
        else if (Has("收入"))
        {
            n = 2;
        }
        else if (Has("支出"))
        {
            n = 3;
        }

        return n is { } num ? ByNumber(num) : null;
    }
}
