using Parquet;
using Parquet.Schema;

namespace DisclosureExtract.Export;

/// <summary>
/// parquet/&lt;table&gt;.parquet, one file per long table: the same rows, order and columns as its CSV file. Text is
/// UTF-8 (empty stays ""); integers INT64 (empty is null); decimal amounts DECIMAL(18, 6) in every run, so that the
/// files of different runs, shards and nights read with one schema. A column holding a value that does not fit — more
/// than six decimals or twelve digits before the point — is DECIMAL(28, s) with s its most decimals (at least six), so
/// every amount stays exact; a value in a column typed integer or decimal that is not one makes the column text (the
/// file is still written).
/// </summary>
internal static class ParquetOutput
{
    public const string Folder = "parquet";

    /// <summary>Rows per row group: memory stays bounded whatever the batch size. 400 text documents (98,500 line items):
    /// 50,000 rows peaked at 226 MB with the end of the batch 1.86-2.18 s, 10,000 at 173 MB and 1.65-2.03 s, for files
    /// 3% larger (bench/results.md).</summary>
    public const int RowGroupSize = 10_000;

    /// <summary>The decimal columns' type unless a value needs more.</summary>
    public const int DecimalScale = 6;

    public const int DecimalPrecision = 18;

    /// <param name="folder">The parquet/ folder to write.</param>
    /// <param name="csvFolder">The folder holding the final long CSV files.</param>
    /// <param name="rowGroupSize">Rows per row group (tests use small groups).</param>
    /// <param name="tables">Only these tables (by name); default all.</param>
    public static void Write(string folder, string csvFolder, int rowGroupSize = RowGroupSize, IReadOnlySet<string>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(csvFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        Directory.CreateDirectory(folder);
        foreach (var table in LongTables.All)
        {
            var csv = Path.Combine(csvFolder, table.FileName);
            if (File.Exists(csv) && (tables is null || tables.Contains(table.Name)))
            {
                var plan = ParquetPlan.FromData(table, csv);
                using var writer = new ParquetTableWriter(PathOf(folder, table), plan, rowGroupSize);
                using var records = new LongCsv(csv);
                foreach (var record in records.Records())
                {
                    writer.Add(record);
                }

                writer.Finish();
            }
        }
    }

    public static string PathOf(string folder, LongTable table) => Path.Combine(folder, table.Name + ".parquet");
}

/// <summary>How each column of one table is written: its field and kind.</summary>
internal sealed class ParquetPlan
{
    private ParquetPlan(DataField[] fields, ColumnKind[] kinds)
    {
        Fields = fields;
        Kinds = kinds;
    }

    public DataField[] Fields { get; }

    public ColumnKind[] Kinds { get; }

    /// <summary>The plan before any row is seen: the declared kinds, decimals DECIMAL(18, 6).</summary>
    public static ParquetPlan Declared(LongTable table, string[] header)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(header);
        var kinds = header.Select(h => table.TypeOf(h).Kind).ToArray();
        return Build(header, kinds, new int[header.Length], new int[header.Length]);
    }

    /// <summary>The plan of a CSV file's values (a first pass over it): the declared plan unless a value does not fit it.</summary>
    public static ParquetPlan FromData(LongTable table, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(table);
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

                    var (digits, s) = DigitsOf(text);
                    scale[c] = Math.Max(scale[c], s);
                    integerDigits[c] = Math.Max(integerDigits[c], digits);
                }
            }
        }

        return Build(header, kinds, scale, integerDigits);
    }

    public static (int IntegerDigits, int Scale) DigitsOf(string text)
    {
        var s = LongCsv.ScaleOf(text);
        return (text.TrimStart('-').Length - (s > 0 ? s + 1 : 0), s);
    }

    private static ParquetPlan Build(string[] header, ColumnKind[] kinds, int[] scale, int[] integerDigits)
    {
        var fields = new DataField[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            var s = Math.Max(ParquetOutput.DecimalScale, scale[c]);
            var fitsDeclared = scale[c] <= ParquetOutput.DecimalScale && integerDigits[c] <= ParquetOutput.DecimalPrecision - ParquetOutput.DecimalScale;
            if (kinds[c] == ColumnKind.Decimal && !fitsDeclared && integerDigits[c] + s > 28)
            {
                kinds[c] = ColumnKind.Text;
            }

            fields[c] = kinds[c] switch
            {
                ColumnKind.Integer => new DataField<long?>(header[c]),
                ColumnKind.Decimal => fitsDeclared
                    ? new DecimalDataField(header[c], ParquetOutput.DecimalPrecision, ParquetOutput.DecimalScale, isNullable: true)
                    : new DecimalDataField(header[c], 28, s, isNullable: true),
                _ => new DataField<string>(header[c]),
            };
        }

        return new ParquetPlan(fields, kinds);
    }
}

/// <summary>
/// Writes one table's Parquet file record by record (CSV records as strings), in row groups of a fixed size, to a
/// temporary file that <see cref="Finish"/> renames into place. The same plan and records give the same bytes.
/// A row group is gathered column by column as records come (integers and decimals parsed at once, texts copied into
/// reused chunks of characters — <see cref="CharChunks"/> — a text equal to the one above it kept as that one), so what
/// waits for the group to fill is typed arrays rather than the records' strings: a batch building the files while it
/// converts does not promote its records' strings to the oldest generation, where they would pile up until a full
/// collection.
/// Used by one thread at a time.
/// </summary>
internal sealed class ParquetTableWriter : IDisposable
{
    /// <summary>Rows the columns have room for at first.</summary>
    private const int FirstCapacity = 1024;

    private readonly string _path;
    private readonly string _tmp;
    private readonly ParquetPlan _plan;
    private readonly int _rowGroupSize;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly Array[] _columns;
    private readonly CharChunks _texts = new();
    private int _capacity;
    private int _rows;
    private bool _finished;

    public ParquetTableWriter(string path, ParquetPlan plan, int rowGroupSize = ParquetOutput.RowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        _path = path;
        _plan = plan;
        _rowGroupSize = rowGroupSize;
        _capacity = Math.Min(rowGroupSize, FirstCapacity);
        _columns = plan.Kinds.Select(k => k switch
        {
            ColumnKind.Integer => (Array)new long?[_capacity],
            ColumnKind.Decimal => new decimal?[_capacity],
            _ => new ReadOnlyMemory<char>?[_capacity],
        }).ToArray();
        _tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        var schema = new ParquetSchema(plan.Fields.Select(f => (Field)f).ToArray());
        _writer = ParquetWriter.CreateAsync(schema, _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest }).GetAwaiter().GetResult();
    }

    public ParquetPlan Plan => _plan;

    /// <summary>Adds a record; throws when a value does not fit the plan (see <see cref="TryAdd"/>).</summary>
    public void Add(string[] record)
    {
        if (!TryAdd(record))
        {
            throw new InvalidDataException($"{Path.GetFileName(_path)}: a value does not fit the column types planned for it");
        }
    }

    /// <summary>Adds a record, or returns false (and adds nothing) when one of its values does not fit its column: not a
    /// number in a number column, or more decimals or digits than the column's DECIMAL type holds.</summary>
    public bool TryAdd(string[] record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = _rows;
        if (r == _capacity)
        {
            Grow();
        }

        for (var c = 0; c < _columns.Length; c++)
        {
            var text = c < record.Length ? record[c] : string.Empty;
            switch (_columns[c])
            {
                case long?[] integers:
                    if (text.Length == 0)
                    {
                        integers[r] = null;
                    }
                    else if (LongCsv.TryInteger(text, out var n))
                    {
                        integers[r] = n;
                    }
                    else
                    {
                        return false;
                    }

                    break;
                case decimal?[] decimals:
                    if (text.Length == 0)
                    {
                        decimals[r] = null;
                    }
                    else if (LongCsv.TryDecimal(text, out var d) && Holds((DecimalDataField)_plan.Fields[c], text))
                    {
                        decimals[r] = d;
                    }
                    else
                    {
                        return false;
                    }

                    break;
                case ReadOnlyMemory<char>?[] texts:
                    texts[r] = r > 0 && texts[r - 1]!.Value.Span.SequenceEqual(text) ? texts[r - 1] : _texts.Add(text);
                    break;
            }
        }

        if (++_rows == _rowGroupSize)
        {
            WriteGroupAsync().GetAwaiter().GetResult();
        }

        return true;
    }

    /// <summary>Gives the columns room for a whole row group once the first rows fill them: a table with few rows (or
    /// a short batch: one document) does not hold buffers for a whole group (the five tables a batch streams have ~90
    /// columns, ~20 MB at 10,000 rows). One step, not doubling: the steps' arrays, above the large object threshold,
    /// would wait as garbage for a full collection (1,000 texts peaked ~20 MB higher).</summary>
    private void Grow()
    {
        _capacity = _rowGroupSize;
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c] = _columns[c] switch
            {
                long?[] integers => Grown(integers, _capacity),
                decimal?[] decimals => Grown(decimals, _capacity),
                ReadOnlyMemory<char>?[] texts => Grown(texts, _capacity),
                _ => throw new InvalidOperationException("unknown column buffer"),
            };
        }

        static T[] Grown<T>(T[] values, int capacity)
        {
            Array.Resize(ref values, capacity);
            return values;
        }
    }

    private static bool Holds(DecimalDataField field, string text)
    {
        var (digits, scale) = ParquetPlan.DigitsOf(text);
        return scale <= field.Scale && digits <= field.Precision - field.Scale;
    }

    /// <summary>Writes the last row group and the footer, flushes the file to disk and renames it to its path.</summary>
    public void Finish()
    {
        if (_rows > 0)
        {
            WriteGroupAsync().GetAwaiter().GetResult();
        }

        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Flush(true);
        _stream.Dispose();
        File.Move(_tmp, _path, overwrite: true);
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stream.Dispose();
            File.Delete(_tmp);
        }
    }

    private async Task WriteGroupAsync()
    {
        var rows = _rows;
        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var field = _plan.Fields[c];
                switch (_columns[c])
                {
                    case long?[] integers:
                        await group.WriteAsync<long>(field, integers.AsMemory(0, rows)).ConfigureAwait(false);
                        break;
                    case decimal?[] decimals:
                        await group.WriteAsync<decimal>(field, decimals.AsMemory(0, rows)).ConfigureAwait(false);
                        break;
                    case ReadOnlyMemory<char>?[] texts:
                        await group.WriteAsync<ReadOnlyMemory<char>>(field, texts.AsMemory(0, rows)).ConfigureAwait(false);
                        Array.Clear(texts, 0, rows); // a long text's own string is not kept alive until the next group fills
                        break;
                }
            }
        }

        _texts.Clear();

        _rows = 0;
    }
}
