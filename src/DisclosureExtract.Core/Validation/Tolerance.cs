using System.Globalization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>
/// Exact decimal comparison. A difference of at most 0.01 is what rounding each printed figure to
/// two decimals produces: a warning that says so. Anything larger is an error.
/// </summary>
public static class Tolerance
{
    /// <summary>The largest difference still explained by rounding to two decimals.</summary>
    public const decimal Rounding = 0.01m;

    /// <summary>One unit of the last digit of a number printed with this many decimals (2 → 0.01).</summary>
    public static decimal UnitOf(int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return unit;
    }

    /// <summary>Null when equal; otherwise the severity of the difference.</summary>
    public static Severity? Classify(decimal expected, decimal actual)
    {
        var diff = Math.Abs(actual - expected);
        if (diff == 0m)
        {
            return null;
        }

        return diff <= Rounding ? Severity.Warning : Severity.Error;
    }

    /// <summary>
    /// As the other overload, with the description built only when the figures differ (most comparisons agree,
    /// and a description names rows and source lines).
    /// </summary>
    public static Finding? Compare(string check, Func<string> what, decimal expected, decimal actual, string? tableKey, string? code, string? columnKey, int? line)
    {
        ArgumentNullException.ThrowIfNull(what);
        return Classify(expected, actual) is null ? null : Compare(check, what(), expected, actual, tableKey, code, columnKey, line);
    }

    /// <summary>A finding when <paramref name="actual"/> (the printed figure) differs from <paramref name="expected"/> (what the rule computes), else null.</summary>
    public static Finding? Compare(string check, string what, decimal expected, decimal actual, string? tableKey, string? code, string? columnKey, int? line)
    {
        var severity = Classify(expected, actual);
        if (severity is not { } s)
        {
            return null;
        }

        var diff = actual - expected;
        var note = s == Severity.Warning ? " (a difference of 0.01, probably rounding)" : string.Empty;
        var message = string.Create(CultureInfo.InvariantCulture, $"{what}: printed {actual}, expected {expected}, difference {diff}{note}");
        return new Finding(check, s, message, tableKey, code, columnKey, expected, actual, line);
    }
}
