using DisclosureExtract.Export;
using Parquet;
using Parquet.Schema;

namespace DisclosureExtract.Tests.Outputs;

[Collection(OutputsCollection.Name)]
public class ParquetRoundTripTests(OutputsFixture fx)
{
    /// <summary>Every column of a Parquet file as invariant text (null for null), and its fields.</summary>
    public static Dictionary<string, List<string?>> Read(string path) => ReadWithFields(path).Columns;

    public static (Dictionary<string, List<string?>> Columns, DataField[] Fields) ReadWithFields(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<(Dictionary<string, List<string?>>, DataField[])> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var result = fields.ToDictionary(f => f.Name, _ => new List<string?>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            foreach (var f in fields)
            {
                var list = result[f.Name];
                if (f is DecimalDataField)
                {
                    var values = new decimal?[n];
                    await group.ReadAsync<decimal>(f, values.AsMemory());
                    list.AddRange(values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else if (f.ClrType == typeof(long))
                {
                    var values = new long?[n];
                    await group.ReadAsync<long>(f, values.AsMemory());
                    list.AddRange(values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    var values = new string?[n];
                    await group.ReadAsync(f, values.AsMemory());
                    list.AddRange(values);
                }
            }
        }

        return (result, fields);
    }

    [Fact]
    public void Every_long_table_has_the_rows_and_columns_of_its_csv_with_decimal_amounts_exact()
    {
        foreach (var table in LongTables.All)
        {
            var (header, rows) = fx.Csv(table.FileName);
            var (columns, fields) = ReadWithFields(Path.Combine(fx.Dir, "parquet", table.Name + ".parquet"));
            Assert.Equal(header, fields.Select(f => f.Name).ToArray());
            for (var c = 0; c < header.Length; c++)
            {
                var type = table.TypeOf(header[c]);
                var field = fields[c];
                if (type.Kind == ColumnKind.Decimal && rows.Any(r => r[c].Length > 0))
                {
                    Assert.IsType<DecimalDataField>(field);
                }

                var values = columns[header[c]];
                Assert.Equal(rows.Count, values.Count);
                for (var r = 0; r < rows.Count; r++)
                {
                    var csv = rows[r][c];
                    var pq = values[r];
                    if (field is DecimalDataField d)
                    {
                        Assert.True(csv.Length == 0 ? pq is null : pq is not null && OutputsFixture.SameAmount(csv, pq), $"{table.Name} row {r + 1} {header[c]}: csv '{csv}', parquet '{pq}'");
                        Assert.True(csv.Length == 0 || LongCsv.ScaleOf(csv) <= d.Scale);
                    }
                    else
                    {
                        Assert.True((pq ?? string.Empty) == csv, $"{table.Name} row {r + 1} {header[c]}: csv '{csv}', parquet '{pq}'");
                    }
                }
            }
        }
    }

    [Fact]
    public void Amounts_are_decimal_integers_int64_and_text_utf8()
    {
        var (_, fields) = ReadWithFields(Path.Combine(fx.Dir, "parquet", "line_items.parquet"));
        var byName = fields.ToDictionary(f => f.Name);
        // the declared type whatever the run's amounts, so that runs, shards and nights read with one schema
        var amount = Assert.IsType<DecimalDataField>(byName["amount"]);
        Assert.Equal((18, 6), (amount.Precision, amount.Scale));
        Assert.IsType<DecimalDataField>(byName["amount_cny"]);
        Assert.Equal(typeof(long), byName["table_no"].ClrType);
        Assert.Equal(typeof(long), byName["source_line"].ClrType);
        // strings are BYTE_ARRAY annotated UTF-8 (Parquet.Net reads them as character memory)
        Assert.Contains(byName["item_name"].ClrType, new[] { typeof(string), typeof(ReadOnlyMemory<char>) });
        var (_, findingFields) = ReadWithFields(Path.Combine(fx.Dir, "parquet", "findings.parquet"));
        Assert.NotEqual(typeof(long), findingFields.Single(f => f.Name == "source_line").ClrType);
    }

    [Fact]
    public async Task A_table_in_many_row_groups_gives_the_same_columns_as_one_group()
    {
        // the batch's parquet/ holds one row group a table; here line_items is split into groups of 7 rows: the same
        // fields (the plan covers every group) and the same values in the same order
        var (_, rows) = fx.Csv("line_items.csv");
        Assert.True(rows.Count > 7 * 3);
        var dir = TestPaths.TempDir();
        ParquetOutput.Write(dir, fx.Dir, rowGroupSize: 7);
        var one = ReadWithFields(Path.Combine(fx.Dir, "parquet", "line_items.parquet"));
        var many = ReadWithFields(Path.Combine(dir, "line_items.parquet"));
        Assert.Equal(one.Fields.Select(f => f.ToString()), many.Fields.Select(f => f.ToString()));
        foreach (var (name, values) in one.Columns)
        {
            Assert.Equal(values, many.Columns[name]);
        }

        await using var reader = await ParquetReader.CreateAsync(Path.Combine(dir, "line_items.parquet"));
        Assert.Equal((rows.Count + 6) / 7, reader.RowGroupCount);
    }
}
