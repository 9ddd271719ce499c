namespace DisclosureExtract.Model;

/// <summary>A change against last year as printed: 比上年(预算)增加/减少 amount, 增长/下降 rate %.</summary>
/// <param name="Direction">"increase" (增加/增长), "decrease" (减少/下降) or "unchanged" (与上年持平).</param>
/// <param name="Amount">The change amount as printed (never negative), or null when only a rate is given.</param>
/// <param name="Rate">The rate in percent as printed (never negative), or null.</param>
/// <param name="Unit">The unit printed with the change amount (万元 or 元), or null when none is printed.</param>
public sealed record YearChange(string Direction, decimal? Amount, decimal? Rate, string? Unit = null)
{
    /// <summary>The change with its sign: negative for a decrease.</summary>
    public decimal? SignedAmount => Amount is { } a ? (Direction == "decrease" ? -a : a) : null;

    /// <summary>The rate with its sign: negative for a decrease.</summary>
    public decimal? SignedRate => Rate is { } r ? (Direction == "decrease" ? -r : r) : null;
}

/// <summary>
/// One figure stated in the explanation part, e.g. the 一般公共预算 income part with its share, the
/// 基本支出 with its change and reason, a 三公 item, a procurement or asset figure.
/// </summary>
/// <param name="Section">What the figure belongs to: total, income, expenditure, fiscal, general_budget, structure, basic, three_public, operating_expenses, procurement, assets.</param>
/// <param name="Key">Stable key within the section (schema column/row keys where one exists, e.g. general_budget, basic, vehicle_operation).</param>
/// <param name="Label">The label as printed, white space removed.</param>
/// <param name="Code">Function classification code (structure figures by 类), when resolved.</param>
/// <param name="Amount">Money amount as printed, or null.</param>
/// <param name="Unit">Unit of <paramref name="Amount"/> as printed (万元 or 元).</param>
/// <param name="Quantity">A count or area (vehicles, m², equipment), or null.</param>
/// <param name="QuantityUnit">Unit of the quantity (辆, 平方米, 台).</param>
/// <param name="Share">Share in percent (占 x%), or null.</param>
/// <param name="Change">Change against last year, or null.</param>
/// <param name="Reason">The stated reason (主要原因 / 主要用于 / 主要包括), or null.</param>
/// <param name="Line">Index of the source line where the amount (or the label) is printed.</param>
/// <param name="CodeSource">Where <paramref name="Code"/> came from: "document" or "reference".</param>
public sealed record ExplanationFigure(
    string Section,
    string Key,
    string Label,
    string? Code,
    decimal? Amount,
    string Unit,
    decimal? Quantity,
    string? QuantityUnit,
    decimal? Share,
    YearChange? Change,
    string? Reason,
    int Line,
    string? CodeSource = null)
{
    /// <summary>Final accounts: the budget the amount is compared with (年初预算数), as printed, or null.</summary>
    public decimal? Budget { get; init; }

    /// <summary>Final accounts: 完成年初预算的 x% as printed, or null.</summary>
    public decimal? CompletionRate { get; init; }
}

/// <summary>A project of 项目支出情况说明 (项目经费情况说明).</summary>
/// <param name="Name">项目名称, white space removed.</param>
/// <param name="PolicyBasis">设立的政策依据 as printed (white space removed).</param>
/// <param name="PolicyDocuments">Document numbers cited in the basis, e.g. 伊州财社【2022】117号.</param>
/// <param name="Amount">预算安排规模.</param>
/// <param name="Unit">Unit of the amount as printed.</param>
/// <param name="ExecutingUnit">项目承担单位.</param>
/// <param name="Allocation">资金分配情况.</param>
/// <param name="Period">资金执行时间 as printed.</param>
/// <param name="Start">Start date of the period (the first day of the month when no day is printed).</param>
/// <param name="End">End date of the period (the last day of the month when no day is printed).</param>
/// <param name="Line">Index of the line with 项目名称.</param>
/// <param name="AmountLine">Index of the line with the amount.</param>
public sealed record ProjectExplanation(
    int Seq,
    string Name,
    string? PolicyBasis,
    IReadOnlyList<string> PolicyDocuments,
    decimal? Amount,
    string Unit,
    string? ExecutingUnit,
    string? Allocation,
    string? Period,
    DateOnly? Start,
    DateOnly? End,
    int Line,
    int? AmountLine);

/// <summary>One item of 一般公共预算当年拨款具体使用情况: a 类/款/项 path with its amount, change and reason.</summary>
/// <param name="Path">The path as printed: names with their level, 类/款/项, joined with "/".</param>
/// <param name="Code">The function classification code the path resolves to; null when unresolved.</param>
/// <param name="CodeSource">Where the code came from: "document" (the document's own tables) or "reference" (reference list).</param>
public sealed record ItemExplanation(
    int Seq,
    string Path,
    string? ClassName,
    string? SectionName,
    string? ItemName,
    string? Code,
    string? CodeSource,
    decimal? Amount,
    string Unit,
    YearChange? Change,
    string? Reason,
    int Line)
{
    /// <summary>The key of an item row in explanations.csv: the level of the deepest name (项, 款 or 类).</summary>
    public string CodeLevelKey => ItemName is not null ? "项" : SectionName is not null ? "款" : "类";

    /// <summary>Final accounts: 年初预算数 of the item (its amount is then the 决算数), or null.</summary>
    public decimal? Budget { get; init; }

    /// <summary>Final accounts: 完成年初预算的 x% as printed, or null.</summary>
    public decimal? CompletionRate { get; init; }
}

/// <summary>A source of money of a performance target table (财政拨款, 其他资金; 上级安排, 本级安排, 其他).</summary>
public sealed record FundSource(string Label, decimal Amount, int Line);

/// <summary>One indicator row of a performance target table.</summary>
/// <param name="ValueText">The 指标值 as printed (cells joined, white space removed, LaTeX as printed).</param>
/// <param name="Operator">=, &gt;=, &lt;=, &gt;, &lt; (≥ and ≤ and LaTeX \geq \leq are written as &gt;= and &lt;=); null for a qualitative target.</param>
/// <param name="Value">The number as printed, or null.</param>
/// <param name="Unit">The unit after the number (%, 万人, 元/人 …), or null.</param>
/// <param name="Qualitative">The target when it is not a number (有效提升, 2023年12月20日前), or null.</param>
public sealed record PerformanceIndicator(
    int Seq,
    string? Level1,
    string? Level2,
    string Name,
    string ValueText,
    string? Operator,
    decimal? Value,
    string? Unit,
    string? Qualitative,
    string? Basis,
    string? PriorYear,
    decimal? Weight,
    string? ScoringRule,
    string? Evidence,
    int Line);

/// <summary>A performance target table (项目支出绩效目标表 or 单位/部门整体绩效目标表).</summary>
/// <param name="Kind">"project" or "overall".</param>
/// <param name="Title">The title as printed, white space removed.</param>
/// <param name="Subject">项目名称 (project) or 单位/部门名称 (overall).</param>
/// <param name="Owner">项目负责人 or 联系人.</param>
/// <param name="BudgetTotal">年度预算总额, or null when not printed.</param>
public sealed record PerformanceTable(
    int Seq,
    string Kind,
    string Title,
    string? Subject,
    string? Owner,
    decimal? BudgetTotal,
    IReadOnlyList<FundSource> Sources,
    string? Goal,
    IReadOnlyList<PerformanceIndicator> Indicators,
    int Line);

/// <summary>The explanation part (第三部分) as data.</summary>
public sealed record ExplanationData(
    IReadOnlyList<ExplanationFigure> Figures,
    IReadOnlyList<ProjectExplanation> Projects,
    IReadOnlyList<ItemExplanation> Items,
    IReadOnlyList<PerformanceTable> PerformanceTables)
{
    public static ExplanationData Empty { get; } = new([], [], [], []);

    /// <summary>The first figure of a section with the key, or null.</summary>
    public ExplanationFigure? Figure(string section, string key) =>
        Figures.FirstOrDefault(f => f.Section == section && f.Key == key);

    /// <summary>Per-item amounts by resolved code (the first item for a code).</summary>
    public IReadOnlyDictionary<string, ItemExplanation> ItemsByCode()
    {
        var d = new Dictionary<string, ItemExplanation>(StringComparer.Ordinal);
        foreach (var i in Items)
        {
            if (i.Code is { } c)
            {
                d.TryAdd(c, i);
            }
        }

        return d;
    }
}
