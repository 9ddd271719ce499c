using System.Diagnostics.CodeAnalysis;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>One of the batch's long CSV files: its name, its row type and how a result projects onto its rows.</summary>
public sealed record CsvTable(
    string FileName,
    [property: DynamicallyAccessedMembers(RowFields.Members)][param: DynamicallyAccessedMembers(RowFields.Members)] Type RowType,
    Func<ConversionResult, IEnumerable<object>> Rows)
{
    private readonly RowFields? _fields;

    /// <summary>The getters of the row type's fields.</summary>
    public RowFields Fields
    {
        get => _fields ?? RowFields.For(RowType);
        init => _fields = value;
    }

    /// <summary>A table whose rows are of type <typeparamref name="T"/>, read by getters bound to its properties.</summary>
    public static CsvTable Of<[DynamicallyAccessedMembers(RowFields.Members)] T>(string fileName, Func<ConversionResult, IEnumerable<T>> rows)
        where T : class => new(fileName, typeof(T), rows) { Fields = RowFields.For<T>() };
}

/// <summary>The long CSV files of a batch besides documents.csv (one row a document, see <see cref="BatchOutput"/>).</summary>
public static class CsvTables
{
    public static IReadOnlyList<CsvTable> PerRow { get; } =
    [
        CsvTable.Of("line_items.csv", OutputRows.LineItems),
        CsvTable.Of("findings.csv", OutputRows.Findings),
        CsvTable.Of("projects.csv", ExplanationRows.Projects),
        CsvTable.Of("explanations.csv", ExplanationRows.Explanations),
        CsvTable.Of("indicators.csv", ExplanationRows.Indicators),
    ];
}
