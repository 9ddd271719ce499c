using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace DisclosureExtract.Export;

/// <summary>One long table of a batch: documents, line_items, findings and the explanation tables.</summary>
/// <param name="Name">The table's name in SQLite and Parquet: the CSV file's name without .csv.</param>
/// <param name="FileName">The CSV file.</param>
/// <param name="RowType">The record its rows are written from.</param>
public sealed record LongTable(
    string Name,
    string FileName,
    [property: DynamicallyAccessedMembers(RowFields.Members)][param: DynamicallyAccessedMembers(RowFields.Members)] Type RowType)
{
    /// <summary>The type of a column (from the CSV header): the declared type, or its property's type.</summary>
    public ColumnType TypeOf(string column)
    {
        var p = RowType.GetProperty(column, BindingFlags.Public | BindingFlags.Instance);
        return p is null ? OutputColumns.Of(Name, column) : OutputColumns.Of(Name, column, p.PropertyType);
    }
}

/// <summary>The long tables, documents.csv first, in the order of <see cref="CsvTables.PerRow"/>.</summary>
public static class LongTables
{
    public static IReadOnlyList<LongTable> All { get; } =
    [
        new("documents", BatchOutput.DocumentsFile, typeof(DocumentRow)),
        .. CsvTables.PerRow.Select(t => new LongTable(Path.GetFileNameWithoutExtension(t.FileName), t.FileName, t.RowType)),
    ];
}
