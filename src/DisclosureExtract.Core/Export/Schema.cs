using System.Diagnostics.CodeAnalysis;

namespace DisclosureExtract.Export;

/// <summary>The public keys of the normalized output (Schema/*.csv, embedded; documented in docs/schema.md and tested against the catalog).</summary>
public sealed class Schema
{
    public sealed record TableDef(int table_no, string table_key, string title_zh, string classification, string notes, string kind);

    public sealed record ColumnDef(string column_key, string label_zh, string tables);

    public sealed record RowKeyDef(string row_key, string label_zh, string tables, string notes);

    private static readonly Lazy<Schema> Instance = new(Load);

    public static Schema Current => Instance.Value;

    public required IReadOnlyList<TableDef> Tables { get; init; }

    public required IReadOnlyList<ColumnDef> Columns { get; init; }

    public required IReadOnlyList<RowKeyDef> RowKeys { get; init; }

    public string ColumnLabel(string key) =>
        Columns.FirstOrDefault(c => c.column_key == key)?.label_zh.Split('/')[0].Trim() ?? key;

    private static Schema Load() => new()
    {
        Tables = Read<TableDef>("tables.csv"),
        Columns = Read<ColumnDef>("columns.csv"),
        RowKeys = Read<RowKeyDef>("row-keys.csv"),
    };

    private static List<T> Read<[DynamicallyAccessedMembers(CsvRecords.Members)] T>(string name)
    {
        var asm = typeof(Schema).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("Schema." + name, StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return CsvRecords.Read<T>(reader);
    }
}
