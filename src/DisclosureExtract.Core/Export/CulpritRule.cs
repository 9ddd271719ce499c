namespace DisclosureExtract.Export;

/// <summary>
/// Which findings mark a cell as the culprit in the workbook and on the review page, and which row they name. The one
/// place to change when findings.csv gains <c>role</c> (culprit/consequence/ambiguous) and <c>row_key</c>: both are
/// read when <see cref="FindingRow"/> has them; until then an error finding marks its cell.
/// </summary>
internal static class CulpritRule
{
    private static readonly RowFields Fields = RowFields.For<FindingRow>();
    private static readonly Func<object, string>? Role = Fields.Getter("role");
    private static readonly Func<object, string>? RowKey = Fields.Getter("row_key");

    public static bool IsCulprit(FindingRow f) => Role is { } role ? role(f) == "culprit" : f.severity == "error";

    /// <summary>The row key the finding names (uncoded rows), when findings.csv has the column.</summary>
    public static string RowKeyOf(FindingRow f) => RowKey?.Invoke(f) ?? string.Empty;
}
