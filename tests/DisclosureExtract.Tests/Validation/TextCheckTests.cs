using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Validation;
using static DisclosureExtract.Tests.Validation.CorpusTables;

namespace DisclosureExtract.Tests.Validation;

/// <summary>
/// 第三部分 against the tables. The text figures are typed in from the cited lines of corpus/text (the explanation extractor
/// will produce them; until it is wired in, these tests stand in for it).
/// </summary>
public sealed class TextCheckTests
{
    private static TextFigure F(decimal amount, int sourceLine, decimal? share = null) => new(amount, L(sourceLine), share);

    /// <summary>tekes-2023.txt 第三部分 as printed (every figure agrees with the tables).</summary>
    private static TextFigures Tekes() => new()
    {
        TotalBudget = F(1258.45m, 907),
        IncomeTotal = F(1258.45m, 919),
        IncomeParts = new Dictionary<string, TextFigure>
        {
            ["general_budget"] = F(1110.37m, 923, 88.23m),
            ["general_budget_transfer"] = F(71.58m, 929, 5.69m),
            ["fiscal_carryover"] = F(76.50m, 947, 6.08m),
        },
        ExpenditureTotal = F(1258.45m, 957),
        Basic = F(295.66m, 961, 23.49m),
        Project = F(962.79m, 967, 76.51m),
        FiscalTotal = F(1181.95m, 979),
        GeneralBudgetTotal = F(1181.95m, 1013),
        GeneralBudgetClasses =
        [
            new(null, "社会保障和就业支出", 31.30m, L(1029), 2.65m),
            new(null, "卫生健康支出", 1126.25m, L(1031), 95.29m),
            new(null, "住房保障支出", 24.40m, L(1033), 2.06m),
        ],
        Items =
        [
            new(null, "卫生健康支出", "行政事业单位医疗", "行政单位医疗", 5.93m, L(1057)),
            new(null, "卫生健康支出", "财政对基本医疗保险基金的补助", "财政对城乡居民基本医疗保险基金的补助", 644.71m, L(1091)),
            new(null, "卫生健康支出", "医疗保障管理事务", "行政运行", 225.40m, L(1107)),
        ],
        Personnel = F(286.44m, 1141),
        PublicUse = F(9.22m, 1149),
        ThreePublic = new Dictionary<string, TextFigure>
        {
            ["total"] = F(0.80m, 1307), ["overseas_travel"] = F(0.00m, 1311), ["vehicle_purchase"] = F(0.00m, 1311),
            ["vehicle_operation"] = F(0.80m, 1311), ["reception"] = F(0.00m, 1311),
        },
        OperatingExpenses = F(9.22m, 1339),
        Assets = [new("车辆", 1, 9.26m, L(1369)), new("办公家具", null, 1.91m, L(1377)), new("其他资产", null, 37.56m, L(1379))],
    };

    private static IReadOnlyList<Finding> TextFindings(string doc, TextFigures text) =>
        Validator.Check(Load(doc), text).Where(f => f.Check.StartsWith("text_", StringComparison.Ordinal) || f.Check == CheckIds.ImplausibleValue).ToList();

    [Fact]
    public void Tekes2023_text_agrees_with_its_tables()
    {
        Assert.Empty(TextFindings("tekes-2023", Tekes()));
    }

    [Fact]
    public void Text_amount_trips_when_the_text_restates_a_table_wrongly()
    {
        var text = Tekes() with { OperatingExpenses = F(9.32m, 1339), ThreePublic = new Dictionary<string, TextFigure> { ["total"] = F(1.80m, 1307) } };
        var findings = TextFindings("tekes-2023", text);
        Assert.Contains(findings, f => f.Check == CheckIds.TextAmount && f.TableKey == "general_budget_basic_expenditure" && f.ColumnKey == "public_use" && f.Line == L(1339));
        Assert.Contains(findings, f => f.Check == CheckIds.TextAmount && f.TableKey == "three_public_expenses" && f.Line == L(1307));
    }

    [Fact]
    public void Text_item_is_matched_by_names_and_checked()
    {
        var text = Tekes() with { Items = [new(null, "卫生健康支出", "行政事业单位医疗", "行政单位医疗", 5.39m, L(1057))] };
        var f = Assert.Single(TextFindings("tekes-2023", text));
        Assert.Equal((CheckIds.TextAmount, "2101101", 5.93m, 5.39m), (f.Check, f.Code, f.Expected, f.Actual));
        var unknown = Tekes() with { Items = [new(null, "卫生健康支出", "行政事业单位医疗", "不存在的项", 1m, L(1057))] };
        Assert.Contains(TextFindings("tekes-2023", unknown), x => x.Check == CheckIds.TextItemUnmatched);
    }

    [Fact]
    public void Text_share_trips_when_a_percentage_does_not_follow_from_its_amounts()
    {
        // tekes-2023.txt:923: 一般公共预算 1110.37 万元，占 88.23% of 表2's 1258.45
        static TextFigures Share(decimal share) => new()
        {
            IncomeParts = new Dictionary<string, TextFigure> { ["general_budget"] = F(1110.37m, 923, share) },
        };
        Assert.Empty(TextFindings("tekes-2023", Share(88.23m)));
        var rounding = Assert.Single(TextFindings("tekes-2023", Share(88.24m)));
        Assert.Equal((CheckIds.TextShare, Severity.Warning, Roles.Rounding), (rounding.Check, rounding.Severity, rounding.Role));
        var wrong = Assert.Single(TextFindings("tekes-2023", Share(78.23m)));
        Assert.Equal((CheckIds.TextShare, Severity.Error, Roles.Culprit), (wrong.Check, wrong.Severity, wrong.Role));
    }

    /// <summary>
    /// bayingol-2023 第三部分 gets its own tables wrong: 支出预算 1336.71 (line 356) against 表3 合计 1426.71; 项目支出 973.19 (360)
    /// is 表5's figure, 表3 prints 1063.19 (its 占 68.21% is of 1426.71, so the share itself holds); 基本支出 占 25.4% (358) where 363.52 / 1426.71 = 25.48%; the 一般公共预算 structure
    /// (386-392) takes its shares of 1426.71 instead of 表5's 1336.71 (653.70 “占 45.82%” is 48.90%), 住房保障支出 27 “占 8.2%”
    /// is 2.02%, and 教育支出 1.21 (386) against 表5 205 1.20.
    /// </summary>
    [Fact]
    public void Bayingol2023_text_errors_are_found()
    {
        var text = new TextFigures
        {
            IncomeTotal = F(1426.71m, 340),
            IncomeParts = new Dictionary<string, TextFigure> { ["general_budget"] = F(1015.52m, 342, 71.18m), ["fiscal_carryover"] = F(90m, 352, 6.3m) },
            ExpenditureTotal = F(1336.71m, 356),
            Basic = F(363.52m, 358, 25.4m),
            Project = F(973.19m, 360, 68.21m),
            FiscalTotal = F(1336.71m, 364),
            GeneralBudgetClasses =
            [
                new(null, "教育支出", 1.21m, L(386), 0.08m),
                new(null, "社会保障和就业支出", 653.70m, L(388), 45.82m),
                new(null, "卫生健康支出", 654.8m, L(390), 45.9m),
                new(null, "住房保障支出", 27m, L(392), 8.2m),
            ],
            ThreePublic = new Dictionary<string, TextFigure> { ["total"] = F(6m, 472) },
        };
        var keys = TextFindings("bayingol-2023", text).Select(f => $"{f.Check}|{Finding.SeverityKey(f.Severity)}|{f.TableKey}|{f.Code}|{f.ColumnKey}|{f.Line + 1}").Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            "text_amount|error|expenditure_summary||project|360",
            "text_amount|error|expenditure_summary||total|356",
            "text_amount|warning|general_budget_expenditure|205|total|386",
            "text_share|error|general_budget_expenditure|208|total|388",
            "text_share|error|general_budget_expenditure|210|total|390",
            "text_share|error|general_budget_expenditure|221|total|392",
            "text_share|warning|expenditure_summary||basic|358",
            "text_share|warning|general_budget_expenditure|205|total|386",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys);
    }

    /// <summary>
    /// shanshan-2024 第三部分 (三) lists every 表5 项 (lines 1125-1213), and a 10th item 城乡医疗救助 with 0.00 万元 that 表5 does not
    /// print (a zero, not an inconsistency); 机关运行经费 7.15 (1430) = 表6 公用经费.
    /// </summary>
    [Fact]
    public void Shanshan2024_items_agree_and_a_zero_item_without_a_row_is_not_reported()
    {
        var text = new TextFigures
        {
            GeneralBudgetClasses =
            [
                new(null, "社会保障和就业支出", 116.88m, L(1117), 8.74m),
                new(null, "卫生健康支出", 1192.48m, L(1119), 89.19m),
                new(null, "住房保障支出", 27.66m, L(1121), 2.07m),
            ],
            Items =
            [
                new(null, "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", 36.88m, L(1125)),
                new(null, "社会保障和就业支出", "其他社会保障和就业支出", "其他社会保障和就业支出", 80.00m, L(1135)),
                new(null, "卫生健康支出", "行政事业单位医疗", "行政单位医疗", 15.66m, L(1142)),
                new(null, "卫生健康支出", "财政对基本医疗保险基金的补助", "财政对城乡居民基本医疗保险基金的补助", 864.40m, L(1162)),
                new(null, "卫生健康支出", "医疗保障管理事务", "行政运行", 298.71m, L(1176)),
                new(null, "住房保障支出", "住房改革支出", "住房公积金", 27.66m, L(1203)),
                new(null, "卫生健康支出", "医疗救助", "城乡医疗救助", 0.00m, L(1211)),
            ],
            OperatingExpenses = F(7.15m, 1430),
        };
        Assert.Empty(TextFindings("shanshan-2024", text));
        var wrong = text with { Items = [new(null, "卫生健康支出", "医疗保障管理事务", "行政运行", 301.53m, L(1176))] };
        Assert.Contains(TextFindings("shanshan-2024", wrong), f => f.Check == CheckIds.TextAmount && f.Code == "2101501");
    }

    /// <summary>kizilsu-2025.txt:602-606 prints asset values in 元 labelled 万元 (车辆 523,055.17, 办公家具 274,685.00,
    /// 其他资产 2,305,044.30 万元 for a bureau whose whole budget is 996.43 万元); its 三公 (576) and 机关运行经费 (588) agree with 表10/表6.</summary>
    [Fact]
    public void Kizilsu2025_asset_values_in_yuan_are_implausible()
    {
        var text = new TextFigures
        {
            TotalBudget = F(996.43m, 398),
            ThreePublic = new Dictionary<string, TextFigure> { ["total"] = F(9.50m, 576) },
            OperatingExpenses = F(23.61m, 588),
            Assets = [new("房屋", null, 0.00m, L(600)), new("车辆", 2, 523055.17m, L(602)), new("办公家具", null, 274685.00m, L(604)), new("其他资产", null, 2305044.30m, L(606))],
        };
        var findings = TextFindings("kizilsu-2025", text);
        Assert.Equal([602, 604, 606], findings.Select(f => f.Line!.Value + 1));
        Assert.All(findings, f => Assert.Equal(CheckIds.ImplausibleValue, f.Check));
    }

    /// <summary>Converted as a whole, bayingol-2023's text findings each quote the sentence they read, and the text is the culprit.</summary>
    [Fact]
    public void Every_text_finding_quotes_the_sentence_it_read()
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", "bayingol-2023.txt"), "bayingol-2023"));
        var f = Assert.Single(r.Findings, x => x.Check == CheckIds.TextAmount && x.TableKey == "expenditure_summary" && x.ColumnKey == "total");
        Assert.Contains("“巴音郭楞蒙古自治州 2023 年支出预算 1336.71 万元,其中:”", f.Message, StringComparison.Ordinal);
        Assert.Equal((Roles.Culprit, Severity.Error, 356), (f.Role, f.Severity, f.Line!.Value + 1));
        var text = r.Findings.Where(x => x.Check.StartsWith("text_", StringComparison.Ordinal) || x.Check == CheckIds.ImplausibleValue).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, x => Assert.Contains("“", x.Message, StringComparison.Ordinal));
    }
}
