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

    public static string SeverityKey(Severity s) => s switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
