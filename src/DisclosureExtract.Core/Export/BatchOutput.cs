using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Streams a batch's outputs to disk as documents finish, so memory does not grow with the batch:
/// each document's JSON, wide tables and CSV rows go to a staging folder beside the output folder;
/// <see cref="Commit"/> concatenates the CSV fragments in document-id order (the same inputs give
/// byte-identical files, however many threads ran) and then swaps the staging folder into place.
/// An existing output folder is therefore either the old one or the new one, never half of each;
/// files in it that the tool does not write (a README, notes) are carried over.
/// </summary>
public sealed class BatchOutput : IDisposable
{
    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
    /// <summary>documents.csv is kept in memory (one small row a document) so duplicates can be marked at commit.</summary>
    public const string DocumentsFile = "documents.csv";

    private static readonly HashSet<string> OwnedNames = new(StringComparer.Ordinal) { "json", "tables", ".fragments", DocumentsFile };

    private readonly string _outDir;
    private readonly string _staging;
    private readonly string _fragments;
    private readonly IReadOnlyList<CsvTable> _tables;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<DocumentRow> _documents = [];
    private readonly Lock _gate = new();
    private bool _committed;

    public BatchOutput(string outDir, IReadOnlyList<CsvTable>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        _outDir = Path.GetFullPath(outDir);
        _tables = tables ?? CsvTables.PerRow;
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(_outDir)) ?? ".";
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(Path.TrimEndingDirectorySeparator(_outDir))}.staging-{Guid.NewGuid():N}");
        _fragments = Path.Combine(_staging, ".fragments");
        Directory.CreateDirectory(_fragments);
    }

    /// <summary>Writes one document's files. Thread-safe; each document id may be added once.</summary>
    public void Add(ConversionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            if (_committed || !_ids.Add(result.DocumentId))
            {
                throw new InvalidOperationException($"document {result.DocumentId} added twice or after commit");
            }

            _documents.Add(OutputRows.Document(result));
        }

        OutputWriter.WriteDocumentFiles(_staging, result, staged: true);
        var writers = TakeFragmentWriters();
        try
        {
            for (var t = 0; t < _tables.Count; t++)
            {
                // CsvWriters are reused (a pool as large as the number of threads writing): a new one compiles its record
                // writer again (expression trees with finalizers), which cost more than converting the document
                if (!writers.TryGetValue(_tables[t].RowType, out var w))
                {
                    var sw = new StringWriter(CultureInfo.InvariantCulture);
                    w = (sw, new CsvWriter(sw, Config));
                    writers[_tables[t].RowType] = w;
                }

                w.Text.GetStringBuilder().Clear();
                foreach (var row in _tables[t].Rows(result))
                {
                    w.Csv.WriteRecord(row);
                    w.Csv.NextRecord();
                }

                w.Csv.Flush();
                File.WriteAllText(FragmentPath(result.DocumentId, t), w.Text.ToString(), FragmentEncoding);
            }
        }
        finally
        {
            _writerPool.Add(writers);
        }
    }

    private Dictionary<Type, (StringWriter Text, CsvWriter Csv)> TakeFragmentWriters() =>
        _writerPool.TryTake(out var writers) ? writers : [];

    private static readonly System.Text.UTF8Encoding FragmentEncoding = new(false);

    private readonly System.Collections.Concurrent.ConcurrentBag<Dictionary<Type, (StringWriter Text, CsvWriter Csv)>> _writerPool = [];

    /// <summary>Writes the long CSV files in document-id order and moves the new output folder into place.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _committed = true;
        }

        var (documents, duplicates) = DuplicateContent.Mark(_documents.OrderBy(d => d.document_id, StringComparer.Ordinal).ToList());
        CsvOutput.Write(Path.Combine(_staging, DocumentsFile), documents);
        var ids = documents.Select(d => d.document_id).Where(id => !duplicates.Contains(id)).ToList();
        for (var t = 0; t < _tables.Count; t++)
        {
            var index = t;
            AtomicFile.Write(Path.Combine(_staging, _tables[t].FileName), stream =>
            {
                using (var writer = new StreamWriter(stream, CsvOutput.Utf8Bom, 1 << 16, leaveOpen: true))
                using (var csv = new CsvWriter(writer, Config))
                {
                    csv.WriteHeader(_tables[index].RowType);
                    csv.NextRecord();
                }

                foreach (var id in ids)
                {
                    using var fragment = File.OpenRead(FragmentPath(id, index));
                    fragment.CopyTo(stream);
                }
            });
        }

        Directory.Delete(_fragments, recursive: true);
        SwapIntoPlace();
    }

    public void Dispose()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    private string FragmentPath(string id, int table) =>
        Path.Combine(_fragments, $"{id}.{table.ToString(CultureInfo.InvariantCulture)}.csv");

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
