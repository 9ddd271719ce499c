namespace DisclosureExtract.Explanation;

/// <summary>
/// The level-1 and level-2 indicator names of the national performance-indicator framework
/// (产出/成本/效益/满意度指标 and their sub-kinds; 履职效能/运行成本/社会效益/服务对象满意度 in overall tables).
/// Used to tell level labels from indicator names in flattened text.
/// </summary>
public static class IndicatorLevels
{
    public static readonly IReadOnlySet<string> Level1 = new HashSet<string>(StringComparer.Ordinal)
    {
        "产出指标", "成本指标", "效益指标", "满意度指标", "履职效能", "运行成本", "社会效益", "服务对象满意度", "管理效率", "可持续发展", "可持续发展能力", "效果指标",
    };

    public static readonly IReadOnlySet<string> Level2 = new HashSet<string>(StringComparer.Ordinal)
    {
        "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "满意度指标", "服务对象满意度指标", "预算执行", "预算执行率",
    };

    public static bool IsLabel(string s) => Level1.Contains(s) || Level2.Contains(s);

    public static bool IsLabelPrefix(string s) => Level1.Concat(Level2).Any(l => l.StartsWith(s, StringComparison.Ordinal));

    /// <summary>Assigns one or two labels found before an indicator name to levels 1 and 2.</summary>
    public static (string? Level1, string? Level2) Assign(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Count switch
        {
            0 => (null, null),
            1 when Level1.Contains(labels[0]) && !Level2.Contains(labels[0]) => (labels[0], null),
            1 => (null, labels[0]),
            _ => (labels[^2], labels[^1]),
        };
    }
}
