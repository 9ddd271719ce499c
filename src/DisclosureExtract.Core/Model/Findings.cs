namespace DisclosureExtract.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something the tool noticed about the source: an arithmetic or cross-table inconsistency,
/// an ambiguity, or a reading problem. Findings never change a printed number.
/// </summary>
/// <param name="Check">Stable check id (for example "hierarchy_sum", "ambiguous_columns").</param>
/// <param name="Line">Index of the source line that proves it, or null.</param>
public sealed record Finding(
    string Check,
    Severity Severity,
    string Message,
    string? TableKey = null,
    string? Code = null,
    string? ColumnKey = null,
    decimal? Expected = null,
    decimal? Actual = null,
    int? Line = null)
{
    public decimal? Difference => Expected is { } e && Actual is { } a ? a - e : null;

    /// <summary>Findings with one explanation share a group number (1, 2, … within a document); null when the finding stands alone.</summary>
    public int? Group { get; init; }

    /// <summary>
    /// What the finding is within its group: <c>culprit</c> (the printed number that is wrong: changing it alone makes every
    /// failed check of the group hold), <c>consequence</c> (a check that fails because of the culprit), <c>ambiguous</c>
    /// (several printed numbers would each explain the group), <c>unexplained</c> (no single printed number does),
    /// <c>rounding</c> (a difference within what rounding the printed figures can cause); null for findings outside the arithmetic.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>The row key of the cell the finding points at when the row has no code (total, income_total …); null otherwise.</summary>
    public string? RowKey { get; init; }

    public static string SeverityKey(Severity s) => s switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
