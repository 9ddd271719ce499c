using Parquet;
using Parquet.Schema;

namespace DisclosureExtract.Export;

/// <summary>
/// parquet/&lt;table&gt;.parquet, one file per long table, built from its CSV file (same rows, same order, same
/// columns). Text is UTF-8 (empty stays ""); integers INT64 (empty is null); decimal amounts DECIMAL(p, s) with s the
/// most decimals written in that column of the run and p 18 (28 when the digits need it), so every amount is exact.
/// A value in a column typed integer or decimal that is not one makes the column text (the file is still written).
/// </summary>
internal static class ParquetOutput
{
    public const string Folder = "parquet";

    /// <summary>Rows per row group: memory stays bounded whatever the batch size. 400 text documents (98,500 line items):
    /// 50,000 rows peaked at 226 MB with the end of the batch 1.86-2.18 s, 10,000 at 173 MB and 1.65-2.03 s, for files
    /// 3% larger (bench/results.md).</summary>
    private const int RowGroupSize = 10_000;

    /// <param name="folder">The parquet/ folder to write.</param>
    /// <param name="csvFolder">The folder holding the final long CSV files.</param>
    /// <param name="rowGroupSize">Rows per row group (tests use small groups).</param>
    public static void Write(string folder, string csvFolder, int rowGroupSize = RowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(csvFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        Directory.CreateDirectory(folder);
        foreach (var table in LongTables.All)
        {
            var csv = Path.Combine(csvFolder, table.FileName);
            if (File.Exists(csv))
            {
                AtomicFile.Write(Path.Combine(folder, table.Name + ".parquet"), stream => WriteAsync(stream, table, csv, rowGroupSize).GetAwaiter().GetResult());
            }
        }
    }

    private sealed record ColumnPlan(DataField Field, ColumnKind Kind);

    private static async Task WriteAsync(Stream stream, LongTable table, string csvPath, int rowGroupSize)
    {
        var plans = Plan(table, csvPath);
        var schema = new ParquetSchema(plans.Select(p => (Field)p.Field).ToArray());
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest }).ConfigureAwait(false);
        using var csv = new LongCsv(csvPath);
        var batch = new List<string[]>(rowGroupSize);
        foreach (var record in csv.Records())
        {
            batch.Add(record);
            if (batch.Count == rowGroupSize)
            {
                await WriteGroupAsync(writer, plans, batch).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await WriteGroupAsync(writer, plans, batch).ConfigureAwait(false);
        }
    }

    /// <summary>A first pass over the file: the decimals' scale and precision, and whether typed columns parse.</summary>
    private static List<ColumnPlan> Plan(LongTable table, string csvPath)
    {
        using var csv = new LongCsv(csvPath);
        var header = csv.Header;
        var kinds = header.Select(h => table.TypeOf(h).Kind).ToArray();
        var scale = new int[header.Length];
        var integerDigits = new int[header.Length];
        foreach (var record in csv.Records())
        {
            for (var c = 0; c < header.Length; c++)
            {
                var text = c < record.Length ? record[c] : string.Empty;
                if (text.Length == 0 || kinds[c] == ColumnKind.Text)
                {
                    continue;
                }

                if (kinds[c] == ColumnKind.Integer && !LongCsv.TryInteger(text, out _))
                {
                    kinds[c] = ColumnKind.Text;
                }
                else if (kinds[c] == ColumnKind.Decimal)
                {
                    if (!LongCsv.TryDecimal(text, out _))
                    {
                        kinds[c] = ColumnKind.Text;
                        continue;
                    }

                    var s = LongCsv.ScaleOf(text);
                    scale[c] = Math.Max(scale[c], s);
                    integerDigits[c] = Math.Max(integerDigits[c], text.TrimStart('-').Length - (s > 0 ? s + 1 : 0));
                }
            }
        }

        var plans = new List<ColumnPlan>(header.Length);
        for (var c = 0; c < header.Length; c++)
        {
            var kind = kinds[c];
            if (kind == ColumnKind.Decimal && integerDigits[c] + scale[c] > 28)
            {
                kind = ColumnKind.Text;
            }

            DataField field = kind switch
            {
                ColumnKind.Integer => new DataField<long?>(header[c]),
                ColumnKind.Decimal => new DecimalDataField(header[c], integerDigits[c] + scale[c] <= 18 ? 18 : 28, scale[c], isNullable: true),
                _ => new DataField<string>(header[c]),
            };
            plans.Add(new ColumnPlan(field, kind));
        }

        return plans;
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, List<ColumnPlan> plans, List<string[]> rows)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < plans.Count; c++)
        {
            var plan = plans[c];
            switch (plan.Kind)
            {
                case ColumnKind.Integer:
                {
                    var values = new long?[rows.Count];
                    for (var r = 0; r < rows.Count; r++)
                    {
                        values[r] = Field(rows[r], c) is { Length: > 0 } t && LongCsv.TryInteger(t, out var n) ? n : null;
                    }

                    await group.WriteAsync<long>(plan.Field, values.AsMemory()).ConfigureAwait(false);
                    break;
                }

                case ColumnKind.Decimal:
                {
                    var values = new decimal?[rows.Count];
                    for (var r = 0; r < rows.Count; r++)
                    {
                        values[r] = Field(rows[r], c) is { Length: > 0 } t && LongCsv.TryDecimal(t, out var d) ? d : null;
                    }

                    await group.WriteAsync<decimal>(plan.Field, values.AsMemory()).ConfigureAwait(false);
                    break;
                }

                default:
                {
                    var values = new string[rows.Count];
                    for (var r = 0; r < rows.Count; r++)
                    {
                        values[r] = Field(rows[r], c);
                    }

                    await group.WriteAsync(plan.Field, values).ConfigureAwait(false);
                    break;
                }
            }
        }
    }

    private static string Field(string[] record, int c) => c < record.Length ? record[c] : string.Empty;
}
