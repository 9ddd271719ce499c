namespace DisclosureExtract.Validation;

/// <summary>An amount (万元) stated in the explanation, with the percentage printed beside it if any.</summary>
/// <param name="Amount">The amount as printed.</param>
/// <param name="Line">Index of the source line.</param>
/// <param name="Share">The share printed with it (占 X%), in percent as printed (88.23), or null.</param>
/// <param name="Change">The change against last year as printed (比上年增加 X 万元), negative for 减少; or null.</param>
/// <param name="ChangeRate">The rate printed with the change (增长 Y%), in percent, negative for 下降; or null.</param>
public sealed record TextFigure(decimal Amount, int Line, decimal? Share = null, decimal? Change = null, decimal? ChangeRate = null);

/// <summary>
/// One entry of 一般公共预算当年拨款具体使用情况: “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）…预算数为 X 万元”.
/// The code is given when the extractor knows it; otherwise the names are matched against 表5.
/// </summary>
public sealed record TextItem(string? Code, string? ClassName, string? SectionName, string? ItemName, decimal Amount, int Line,
    decimal? Change = null, decimal? ChangeRate = null);

/// <summary>一般公共预算当年拨款结构情况: “卫生健康支出（类）1126.25 万元，占 95.29%”.</summary>
public sealed record TextClassShare(string? Code, string ClassName, decimal Amount, int Line, decimal? Share);

/// <summary>An asset line of 国有资产占用使用情况 (kind: 房屋, 车辆, 办公家具, 其他资产, …).</summary>
public sealed record TextAsset(string Kind, int? Count, decimal Value, int Line);

/// <summary>
/// The figures of 第三部分 (预算情况说明) that the validator checks against the tables. Produced by the explanation
/// extractor (the single parser of the text); every member is optional.
/// </summary>
public sealed record TextFigures
{
    /// <summary>一、收支总预算 X 万元.</summary>
    public TextFigure? TotalBudget { get; init; }

    /// <summary>二、收入预算 X 万元.</summary>
    public TextFigure? IncomeTotal { get; init; }

    /// <summary>二、the income parts keyed by 表2 column key (general_budget, general_budget_transfer, gov_fund, …, fiscal_carryover), with 占 %.</summary>
    public IReadOnlyDictionary<string, TextFigure> IncomeParts { get; init; } = new Dictionary<string, TextFigure>();

    /// <summary>三、支出预算 X 万元.</summary>
    public TextFigure? ExpenditureTotal { get; init; }

    /// <summary>三、基本支出 X 万元，占 %.</summary>
    public TextFigure? Basic { get; init; }

    /// <summary>三、项目支出 X 万元，占 %.</summary>
    public TextFigure? Project { get; init; }

    /// <summary>四、财政拨款收支总预算 X 万元.</summary>
    public TextFigure? FiscalTotal { get; init; }

    /// <summary>五、一般公共预算拨款合计 X 万元.</summary>
    public TextFigure? GeneralBudgetTotal { get; init; }

    /// <summary>五、（二）一般公共预算当年拨款结构情况, by 类.</summary>
    public IReadOnlyList<TextClassShare> GeneralBudgetClasses { get; init; } = [];

    /// <summary>五、（三）一般公共预算当年拨款具体使用情况.</summary>
    public IReadOnlyList<TextItem> Items { get; init; } = [];

    /// <summary>六、人员经费 X 万元.</summary>
    public TextFigure? Personnel { get; init; }

    /// <summary>六、公用经费 X 万元.</summary>
    public TextFigure? PublicUse { get; init; }

    /// <summary>十、the 三公 amounts keyed by 表10 row key (total, overseas_travel, reception, vehicles, vehicle_purchase, vehicle_operation).</summary>
    public IReadOnlyDictionary<string, TextFigure> ThreePublic { get; init; } = new Dictionary<string, TextFigure>();

    /// <summary>十一、机关运行经费 X 万元.</summary>
    public TextFigure? OperatingExpenses { get; init; }

    /// <summary>十一、国有资产占用使用情况.</summary>
    public IReadOnlyList<TextAsset> Assets { get; init; } = [];

    /// <summary>The other figures of the expenditure and fiscal sections by key (决算: 本年支出合计, 财政拨款收入合计 …), keyed
    /// "section.key".</summary>
    public IReadOnlyDictionary<string, TextFigure> Other { get; init; } = new Dictionary<string, TextFigure>();
}
