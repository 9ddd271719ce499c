using System.Diagnostics.CodeAnalysis;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>One of the batch's long CSV files: its name, its row type and how a result projects onto its rows.</summary>
public sealed record CsvTable(
    string FileName,
    [property: DynamicallyAccessedMembers(RowFields.Members)][param: DynamicallyAccessedMembers(RowFields.Members)] Type RowType,
    Func<ConversionResult, IEnumerable<object>> Rows);

/// <summary>The long CSV files of a batch besides documents.csv (one row a document, see <see cref="BatchOutput"/>).</summary>
public static class CsvTables
{
    public static IReadOnlyList<CsvTable> PerRow { get; } =
    [
        new("line_items.csv", typeof(LineItemRow), r => OutputRows.LineItems(r)),
        new("findings.csv", typeof(FindingRow), r => OutputRows.Findings(r)),
        new("projects.csv", typeof(ProjectRow), r => ExplanationRows.Projects(r)),
        new("explanations.csv", typeof(ExplanationRow), r => ExplanationRows.Explanations(r)),
        new("indicators.csv", typeof(IndicatorRow), r => ExplanationRows.Indicators(r)),
    ];
}
