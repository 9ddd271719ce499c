using System.Runtime.ExceptionServices;
using System.Text;
using CsvHelper;
using Microsoft.Win32.SafeHandles;

namespace DisclosureExtract.Export;

/// <summary>
/// Builds disclosures.sqlite and parquet/ while a batch converts, on one thread of its own, so that the end of the
/// batch does not rebuild them from the final CSV files. Documents are taken in document-id order as they arrive (the
/// batch converts them in that order, so few wait); each one's rows — the fields rendered for its CSV rows, or, when
/// too many rows wait, its spooled CSV rows read back and parsed as the CSV files will be — are added to the SQLite
/// file and the Parquet writers, unless it duplicates an earlier document's content
/// (<see cref="DuplicateContent"/>), exactly as the CSV files leave it out. The same inputs therefore give the same
/// files as building them from the final CSV files (<see cref="DatasetFiles"/>, which `merge` and the nightly worker
/// use), whatever the number of jobs. A Parquet table with a value that does not fit the declared column types is
/// built from its CSV file at the end instead (<see cref="ParquetPlan"/>); a document that was not announced makes the
/// whole stream give way to the CSV files.
/// </summary>
internal sealed class DatasetStream : IDisposable
{
    /// <summary>Rows whose fields may wait in memory for the stream (~20 fields a row) unless the batch says otherwise.</summary>
    public const int KeptRowsLimit = 20_000;

    private readonly object _sync = new();
    private readonly string _staging;
    private readonly string _fragmentDir;
    private readonly IReadOnlyList<CsvTable> _tables;
    private readonly string[] _order;
    private readonly HashSet<string> _expected;
    private readonly Dictionary<string, (DocumentRow Row, FragmentRef[] Refs, List<string[]>[]? Records)> _arrived = new(StringComparer.Ordinal);
    private readonly int _keptRowsLimit;
    private readonly Dictionary<(int Spool, int Table), SafeFileHandle> _handles = [];
    private readonly DuplicateContent.Tracker _duplicates = new();
    private readonly Thread _thread;
    private readonly LongTable[] _longTables;
    private readonly OutputFormats _formats;
    private SqliteBuilder? _sqlite;
    private ParquetTableWriter?[]? _parquet;
    private int _keptRows;
    private bool _noMore;
    private bool _abandoned;
    private bool _unexpected;
    private Exception? _failure;

    /// <param name="staging">The batch's staging folder (the files are built in it).</param>
    /// <param name="fragmentDir">Where the spools are (<see cref="FragmentSpool.PathOf"/>).</param>
    /// <param name="tables">The long CSV files besides documents.csv, in the spools' order.</param>
    /// <param name="formats">Sqlite and/or Parquet.</param>
    /// <param name="expectedIds">Every document id the batch will add.</param>
    /// <param name="keptRowsLimit">Rows whose fields may wait in memory (0: every document is read back from its spool).</param>
    public DatasetStream(string staging, string fragmentDir, IReadOnlyList<CsvTable> tables, OutputFormats formats, IEnumerable<string> expectedIds, int keptRowsLimit = KeptRowsLimit)
    {
        _keptRowsLimit = keptRowsLimit;
        _staging = staging;
        _fragmentDir = fragmentDir;
        _tables = tables;
        _expected = new HashSet<string>(expectedIds, StringComparer.Ordinal);
        _order = _expected.Order(StringComparer.Ordinal).ToArray();
        _longTables = [LongTables.All[0], .. tables.Select(t => LongTables.All.FirstOrDefault(l => l.FileName == t.FileName) ?? new LongTable(Path.GetFileNameWithoutExtension(t.FileName), t.FileName, t.RowType))];
        _formats = formats;
        _thread = new Thread(Run) { IsBackground = true, Name = "dataset" };
        _thread.Start();
    }

    /// <summary>A document's rows are spooled (and flushed): it can be taken when its turn comes. Its rows' fields
    /// (<paramref name="records"/>, one list a table) are kept for it while fewer than <see cref="KeptRowsLimit"/> rows
    /// wait; beyond that it will read them back from the spool, so memory stays bounded when the stream lags behind
    /// the conversion. Thread-safe.</summary>
    public void Arrived(DocumentRow row, FragmentRef[] refs, List<string[]>[] records)
    {
        lock (_sync)
        {
            if (!_expected.Contains(row.document_id))
            {
                _unexpected = true;
            }

            var rows = records.Sum(r => r.Count);
            var keep = _keptRows + rows <= _keptRowsLimit;
            if (keep)
            {
                _keptRows += rows;
            }

            _arrived[row.document_id] = (row, refs, keep ? records : null);
            Monitor.PulseAll(_sync);
        }
    }

    /// <summary>
    /// Waits for the documents still arriving to be taken, then adds documents.csv's rows and finishes the files.
    /// Returns the formats it could not build (to be built from the final CSV files): none, or both when a document
    /// came that was not announced. A table whose values did not fit is rebuilt here from its CSV file.
    /// </summary>
    /// <param name="documentsCsv">documents.csv as written.</param>
    public OutputFormats Finish(string documentsCsv)
    {
        Stop();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Capture(_failure).Throw();
        }

        if (_unexpected)
        {
            DisposeBuilders();
            return _formats;
        }

        var parquet = _parquet is null ? Task.CompletedTask : Task.Run(() => FinishParquet(_parquet));
        if (_sqlite is not null)
        {
            using var documents = new LongCsv(documentsCsv);
            _sqlite.Add(0, documents.Records());
            _sqlite.Finish();
        }

        parquet.GetAwaiter().GetResult();
        return OutputFormats.None;
    }

    /// <summary>Stops the stream's thread without taking the documents still waiting (the batch failed, or it is
    /// over) and deletes what was not finished.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _abandoned = true;
        }

        Stop();
        DisposeBuilders();
    }

    private void FinishParquet(ParquetTableWriter?[] writers)
    {
        var folder = Path.Combine(_staging, ParquetOutput.Folder);
        var fromCsv = new HashSet<string>(StringComparer.Ordinal) { _longTables[0].Name };
        for (var t = 1; t < writers.Length; t++)
        {
            if (writers[t] is { } w)
            {
                w.Finish();
            }
            else
            {
                fromCsv.Add(_longTables[t].Name);
            }
        }

        ParquetOutput.Write(folder, _staging, tables: fromCsv);
    }

    private void Stop()
    {
        lock (_sync)
        {
            _noMore = true;
            Monitor.PulseAll(_sync);
        }

        _thread.Join();
        foreach (var h in _handles.Values)
        {
            h.Dispose();
        }

        _handles.Clear();
    }

    private void DisposeBuilders()
    {
        _sqlite?.Dispose();
        foreach (var w in _parquet ?? [])
        {
            w?.Dispose();
        }
    }

    /// <summary>The SQLite file's tables and the Parquet writers, made on the stream's thread (a few hundred
    /// milliseconds of first calls at start-up, while the batch's first document converts).</summary>
    private void Open()
    {
        // the CSV header's columns: the row types' properties, as RowFields (and CsvHelper) order them
        string[][] headers = [[.. RowFields.For(typeof(DocumentRow)).Names], .. _tables.Select(t => RowFields.For(t.RowType).Names.ToArray())];
        if (_formats.HasFlag(OutputFormats.Sqlite))
        {
            _sqlite = new SqliteBuilder(Path.Combine(_staging, SqliteOutput.FileName), _longTables.Select((t, i) => (t, headers[i])).ToList());
        }

        if (_formats.HasFlag(OutputFormats.Parquet))
        {
            var folder = Path.Combine(_staging, ParquetOutput.Folder);
            Directory.CreateDirectory(folder);
            _parquet = new ParquetTableWriter?[_longTables.Length];
            for (var t = 1; t < _longTables.Length; t++)
            {
                _parquet[t] = new ParquetTableWriter(ParquetOutput.PathOf(folder, _longTables[t]), ParquetPlan.Declared(_longTables[t], headers[t]));
            }
        }
    }

    private void Run()
    {
        try
        {
            Open();
            foreach (var id in _order)
            {
                (DocumentRow Row, FragmentRef[] Refs, List<string[]>[]? Records) doc;
                lock (_sync)
                {
                    while (!_arrived.ContainsKey(id) && !_noMore && !_unexpected && !_abandoned)
                    {
                        Monitor.Wait(_sync);
                    }

                    if (_unexpected || _abandoned)
                    {
                        return;
                    }

                    if (!_arrived.Remove(id, out doc))
                    {
                        continue; // the batch ended without it
                    }

                    _keptRows -= doc.Records?.Sum(r => r.Count) ?? 0;
                }

                if (!_duplicates.IsDuplicate(doc.Row))
                {
                    Take(doc.Refs, doc.Records);
                }
            }
        }
#pragma warning disable CA1031 // handed to Finish, which rethrows it on the batch's thread
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ex;
        }
    }

    /// <summary>One document's rows of every table, into the files: the fields kept for it, else read back from the spool.</summary>
    private void Take(FragmentRef[] refs, List<string[]>[]? kept)
    {
        for (var t = 0; t < refs.Length; t++)
        {
            var f = refs[t];
            if (f.Length == 0)
            {
                continue;
            }

            var records = kept?[t] ?? Read(t, f);
            _sqlite?.Add(t + 1, records);
            if (_parquet?[t + 1] is { } writer && !records.TrueForAll(writer.TryAdd))
            {
                writer.Dispose();
                _parquet[t + 1] = null; // a value does not fit the declared types: built from the CSV file at the end
            }
        }
    }

    private List<string[]> Read(int table, FragmentRef f)
    {
        if (!_handles.TryGetValue((f.Spool, table), out var handle))
        {
            handle = File.OpenHandle(FragmentSpool.PathOf(_fragmentDir, f.Spool, table), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            _handles[(f.Spool, table)] = handle;
        }

        var bytes = new byte[f.Length];
        var read = RandomAccess.Read(handle, bytes, f.Offset);
        if (read != f.Length)
        {
            throw new IOException($"spooled rows are incomplete ({read} of {f.Length} bytes)");
        }

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        using var parser = new CsvParser(reader, CsvOutput.Config);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record ?? []);
        }

        return records;
    }
}
