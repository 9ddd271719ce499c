using System.Globalization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Streams a batch's outputs to disk as documents finish, so memory does not grow with the batch:
/// each document's JSON, wide tables and CSV rows go to a staging folder beside the output folder;
/// <see cref="Commit"/> concatenates the CSV fragments in document-id order (the same inputs give
/// byte-identical files, however many threads ran) and then swaps the staging folder into place.
/// When the batch announces its document ids, disclosures.sqlite and parquet/ are built while the documents convert
/// (<see cref="DatasetStream"/>); otherwise from the final CSV files at commit — the same files either way.
/// An existing output folder is therefore either the old one or the new one, never half of each;
/// files in it that the tool does not write (a README, notes) are carried over.
/// </summary>
public sealed class BatchOutput : IDisposable
{
    /// <summary>The run's index, one row a document. Its rows are spooled like the other long files' and read back at
    /// commit a row at a time, where duplicates are marked: a batch keeps only each document's id and where its rows lie,
    /// not a row of ~1 KB and ~7 objects a document (a heap dump 4,400 texts into a batch: 211k → 179k live objects), and
    /// the commit holds none of them (30,000 texts: the commit's rise of ~40 MB at the end of the batch is gone).</summary>
    public const string DocumentsFile = "documents.csv";

    /// <summary>The index of documents.csv's fragment among a document's (the long files' follow).</summary>
    private const int Document = 0;

    private static readonly RowFields DocumentFields = RowFields.For<DocumentRow>();

    private static readonly HashSet<string> OwnedNames = new(StringComparer.Ordinal)
    {
        "json", "tables", ".fragments", DocumentsFile, XlsxOutput.Folder, ReportOutput.Folder, ParquetOutput.Folder, SqliteOutput.FileName,
    };

    private readonly string _outDir;
    private readonly string _staging;
    private readonly string _fragmentDir;
    private readonly IReadOnlyList<CsvTable> _tables;
    private readonly OutputFormats _formats;

    /// <summary>Each document id added, with its slot: its fragments are at slot × <see cref="Stride"/> in
    /// <see cref="_refs"/> (one flat array: a batch of any size keeps ~130 bytes a document, no object).</summary>
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<FragmentSpool> _spools = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<ThreadWriter> _writers = [];
    private readonly Lock _gate = new();
    private readonly DatasetStream? _stream;
    private FragmentRef[] _refs = [];
    private bool _committed;

    /// <param name="outDir">The output folder.</param>
    /// <param name="tables">The long CSV files besides documents.csv (default: all of them).</param>
    /// <param name="formats">The formats to write (default: all). documents.csv is always written: it is the run's index.</param>
    /// <param name="expectedIds">Every document id the batch will add, if known: the SQLite and Parquet files are then
    /// built as documents arrive (convert them in id order so that few wait) instead of at commit.</param>
    public BatchOutput(string outDir, IReadOnlyList<CsvTable>? tables = null, OutputFormats formats = OutputFormats.All, IEnumerable<string>? expectedIds = null)
        : this(outDir, tables, formats, expectedIds, DatasetStream.KeptRowsLimit)
    {
    }

    /// <param name="keptRowsLimit">Rows whose fields may wait in memory for the SQLite and Parquet files (tests set 0 to
    /// make every document read back from its spool).</param>
    internal BatchOutput(string outDir, IReadOnlyList<CsvTable>? tables, OutputFormats formats, IEnumerable<string>? expectedIds, int keptRowsLimit)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        _outDir = Path.GetFullPath(outDir);
        _tables = tables ?? CsvTables.PerRow;
        _formats = formats;
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(_outDir)) ?? ".";
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(Path.TrimEndingDirectorySeparator(_outDir))}.staging-{Guid.NewGuid():N}");
        _fragmentDir = Path.Combine(_staging, ".fragments");
        Directory.CreateDirectory(_fragmentDir);
        if (expectedIds is not null && (formats & (OutputFormats.Sqlite | OutputFormats.Parquet)) != 0)
        {
            _stream = new DatasetStream(_staging, _fragmentDir, _tables, formats & (OutputFormats.Sqlite | OutputFormats.Parquet), expectedIds, keptRowsLimit);
        }
    }

    /// <summary>Writes one document's files and spools its rows of the long CSV files. Thread-safe; each document id
    /// may be added once.</summary>
    public void Add(ConversionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = OutputRows.Document(result);
        int slot;
        lock (_gate)
        {
            slot = _slots.Count;
            if (_committed || !_slots.TryAdd(result.DocumentId, slot))
            {
                throw new InvalidOperationException($"document {result.DocumentId} added twice or after commit");
            }
        }

        var writer = _writers.TryTake(out var w) ? w : NewThreadWriter();
        try
        {
            writer.Files.Write(_staging, result, staged: true, _formats);
            var refs = new FragmentRef[_tables.Count];
            var records = _stream is not null ? new List<string[]>[_tables.Count] : null;
            for (var t = 0; t < _tables.Count; t++)
            {
                if (records is not null)
                {
                    records[t] = [];
                }

                refs[t] = writer.Spool.Append(t, writer.Rows.Render(_tables[t], result, records?[t]).Span);
            }

            var documentRef = writer.Spool.Append(_tables.Count, writer.Rows.Render(DocumentFields, [document]).Span);
            if (_stream is not null)
            {
                writer.Spool.Flush();
                _stream.Arrived(document, refs, records!);
            }

            lock (_gate)
            {
                var at = slot * Stride;
                if (_refs.Length < at + Stride)
                {
                    Array.Resize(ref _refs, Math.Max(at + Stride, _refs.Length * 2));
                }

                _refs[at] = documentRef;
                refs.CopyTo(_refs, at + 1);
            }
        }
        finally
        {
            _writers.Add(writer);
        }
    }

    private ThreadWriter NewThreadWriter()
    {
        lock (_gate)
        {
            var spool = new FragmentSpool(_fragmentDir, _spools.Count, _tables.Count + 1); // the long files', then documents.csv's
            _spools.Add(spool);
            return new ThreadWriter(new DocumentFileWriter(), new RowFragmentWriter(), spool);
        }
    }

    /// <summary>Writes the long CSV files in document-id order and moves the new output folder into place.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _committed = true;
        }

        CloseSpools();

        // the documents added whole (a document whose files failed has a slot but no spooled documents row), in id order
        var order = _slots.Where(s => Fragment(s.Value, Document).Length > 0).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var duplicates = WriteDocuments(order);
        var kept = order.Where(s => !duplicates.Contains(s.Key)).ToList();
        var buffer = new byte[1 << 16];
        for (var t = 0; t < _tables.Count; t++)
        {
            var table = t;
            var spools = _spools.Select(s => s.OpenForReading(table)).ToList();
            try
            {
                AtomicFile.Write(Path.Combine(_staging, _tables[t].FileName), stream =>
                {
                    RowFragmentWriter.WriteFileStart(stream, _tables[table].RowType);
                    foreach (var (id, slot) in kept)
                    {
                        var rows = Fragment(slot, table + 1);
                        if (rows.Length > 0)
                        {
                            stream.Write(ReadFragment(spools, rows, id, ref buffer));
                        }
                    }
                });
            }
            finally
            {
                spools.ForEach(h => h.Dispose());
            }
        }

        var built = OutputFormats.None;
        if (_stream is not null)
        {
            built = (_formats & (OutputFormats.Sqlite | OutputFormats.Parquet)) & ~_stream.Finish(Path.Combine(_staging, DocumentsFile));
        }

        Directory.Delete(_fragmentDir, recursive: true);
        DatasetFiles.Write(_staging, _formats, built);
        if (!_formats.HasFlag(OutputFormats.Csv))
        {
            foreach (var t in _tables)
            {
                File.Delete(Path.Combine(_staging, t.FileName));
            }
        }

        SwapIntoPlace();
    }

    /// <summary>documents.csv in document-id order, duplicates marked, as a stream: the spooled rows are copied in
    /// order to a file beside the spools, which is read back one row at a time, so the commit holds no row of the batch.
    /// Returns the ids of the duplicates (their rows in the long files are dropped).</summary>
    private HashSet<string> WriteDocuments(List<KeyValuePair<string, int>> order)
    {
        var unmarked = Path.Combine(_fragmentDir, DocumentsFile);
        var spools = _spools.Select(s => s.OpenForReading(_tables.Count)).ToList();
        try
        {
            using var file = new FileStream(unmarked, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            file.Write(RowFragmentWriter.Header(typeof(DocumentRow)).Span);
            var buffer = new byte[1 << 16];
            foreach (var (id, slot) in order)
            {
                file.Write(ReadFragment(spools, Fragment(slot, Document), id, ref buffer));
            }
        }
        finally
        {
            spools.ForEach(h => h.Dispose());
        }

        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        CsvOutput.Write(Path.Combine(_staging, DocumentsFile), DuplicateContent.MarkEach(DatasetFiles.DocumentRows(unmarked), duplicates));
        File.Delete(unmarked);
        return duplicates;
    }

    private int Stride => _tables.Count + 1;

    /// <summary>Where a document's bytes of one file lie: <see cref="Document"/> for documents.csv, else 1 + the
    /// table's index.</summary>
    private FragmentRef Fragment(int slot, int file) => _refs[(slot * Stride) + file];

    /// <summary>A document's spooled bytes of one file, read into <paramref name="buffer"/> (grown when too small).</summary>
    private static ReadOnlySpan<byte> ReadFragment(List<Microsoft.Win32.SafeHandles.SafeFileHandle> spools, FragmentRef f, string id, ref byte[] buffer)
    {
        if (buffer.Length < f.Length)
        {
            buffer = new byte[Math.Max(f.Length, buffer.Length * 2)];
        }

        var read = RandomAccess.Read(spools[f.Spool], buffer.AsSpan(0, f.Length), f.Offset);
        if (read != f.Length)
        {
            throw new IOException($"spooled rows of {id} are incomplete ({read} of {f.Length} bytes)");
        }

        return buffer.AsSpan(0, f.Length);
    }

    public void Dispose()
    {
        _stream?.Dispose();
        CloseSpools();
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    private void CloseSpools()
    {
        foreach (var s in _spools)
        {
            s.Dispose();
        }
    }

    /// <summary>What one writing thread keeps between documents.</summary>
    private sealed record ThreadWriter(DocumentFileWriter Files, RowFragmentWriter Rows, FragmentSpool Spool);

    private void SwapIntoPlace()
    {
        if (Directory.Exists(_outDir))
        {
            var owned = new HashSet<string>(OwnedNames, StringComparer.Ordinal);
            foreach (var t in _tables)
            {
                owned.Add(t.FileName);
            }

            foreach (var entry in new DirectoryInfo(_outDir).EnumerateFileSystemInfos())
            {
                var target = Path.Combine(_staging, entry.Name);
                if (owned.Contains(entry.Name) || Path.Exists(target))
                {
                    continue;
                }

                if (entry is FileInfo f)
                {
                    f.CopyTo(target);
                }
                else if (entry is DirectoryInfo d)
                {
                    CopyDirectory(d, target);
                }
            }

            var old = _staging + ".old";
            Directory.Move(_outDir, old);
            Directory.Move(_staging, _outDir);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(_staging, _outDir);
        }
    }

    private static void CopyDirectory(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var f in source.EnumerateFiles())
        {
            f.CopyTo(Path.Combine(target, f.Name));
        }

        foreach (var d in source.EnumerateDirectories())
        {
            if (d.LinkTarget is null)
            {
                CopyDirectory(d, Path.Combine(target, d.Name));
            }
        }
    }
}
