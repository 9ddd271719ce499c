using System.Collections.Concurrent;
using System.Text;
using DisclosureExtract.Export;
using Microsoft.Extensions.Logging;

namespace DisclosureExtract.Worker;

/// <summary>
/// Writes the always-current merged dataset, current/: the long CSV files and disclosures.sqlite regenerated
/// from the state database (current versions of the files present in the inbox), plus json/ and tables/ linked or copied
/// from the run folder that converted each version. The long CSVs are the records each version's conversion rendered,
/// copied in document-id order (<see cref="StoredCsv"/>). Idempotent: a run killed while publishing leaves every file whole,
/// and the next run publishes again from the database, so no row is ever duplicated. The merged files are rebuilt only
/// when what they are built from changed (<see cref="DatasetStamp"/>).
/// </summary>
public sealed class DatasetPublisher
{
    private readonly ILogger _logger;

    public DatasetPublisher(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    public const string CurrentFolder = "current";

    /// <summary>Publishes current/; the long tables are written <paramref name="jobs"/> at a time, each read over its own
    /// connection (their stored records copied), then disclosures.sqlite is built from them (most of the work).</summary>
    public int Publish(StateStore store, string outputRoot, int jobs = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(outputRoot);
        var current = Path.Combine(outputRoot, CurrentFolder);
        Directory.CreateDirectory(current);
        var (toPublish, toWithdraw) = store.PendingPublication();
        foreach (var item in toPublish)
        {
            CopyDocumentFiles(Path.Combine(outputRoot, item.Outputs), current, item.DocumentId);
            store.MarkPublished(item.Path, item.VersionId, item.DocumentId);
        }

        foreach (var (path, _) in toWithdraw)
        {
            store.MarkPublished(path, null, null);
        }

        var present = store.CurrentFiles().Values.Where(f => !f.Removed).ToList();
        var ids = present.Select(f => f.DocumentId).ToHashSet(StringComparer.Ordinal);
        Prune(current, ids);
        var datasetFiles = CsvTables.PerRow.Select(t => t.FileName).Append(BatchOutput.DocumentsFile).Append(DatasetFiles.SqliteFileName).ToList();
        var stamp = DatasetStamp.Of(present, Generator.Current);
        if (DatasetStamp.Matches(current, stamp, datasetFiles))
        {
            Log.DatasetUnchanged(_logger, ids.Count, current);
            return ids.Count;
        }

        // gone before the first file is replaced, so a pass killed among the renames leaves no stamp to trust
        File.Delete(Path.Combine(current, DatasetStamp.FileName));
        // All are written in full first, then renamed into place back to back, so the moment when a reader
        // could see one new file beside an old one is as short as the file system allows.
        var staging = Path.Combine(current, ".staging");
        // duplicates (the same content under two names) are marked as `convert` marks them, so the dataset equals a fresh convert
        // (as a stream, like the other files: the dataset's rows are never all in memory)
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        CsvOutput.Write(Path.Combine(staging, BatchOutput.DocumentsFile), DuplicateContent.MarkEach(store.CurrentRows<DocumentRow>(RowKinds.Documents), duplicates));
        var rendered = store.StoreMissingCsv();
        if (rendered > 0)
        {
            Log.StoredCsv(_logger, rendered);
        }

        EachTable(store, jobs, (reader, table) => WriteLongCsv(Path.Combine(staging, table.FileName), table, stream => reader.WriteCurrentCsv(table, stream, leaveOut: duplicates)));

        // the SQLite file of the same rows (built from the staged CSVs), renamed into place with them
        DatasetFiles.WriteSqlite(staging, staging);
        foreach (var name in datasetFiles)
        {
            File.Move(Path.Combine(staging, name), Path.Combine(current, name), overwrite: true);
        }

        if (stamp is not null)
        {
            AtomicFile.Write(Path.Combine(current, DatasetStamp.FileName), stream => stream.Write(Encoding.ASCII.GetBytes(stamp + "\n")));
        }

        Log.Published(_logger, ids.Count, current);
        return ids.Count;
    }

    /// <summary>Writes a run folder's CSVs from the versions that run converted (also for a run that was killed).</summary>
    public static void WriteRunTables(StateStore store, string runDir, long runId, int jobs = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runDir);
        Directory.CreateDirectory(runDir);
        CsvOutput.Write(Path.Combine(runDir, BatchOutput.DocumentsFile), store.RunRows<DocumentRow>(RowKinds.Documents, runId));
        EachTable(store, jobs, (reader, table) => WriteLongCsv(Path.Combine(runDir, table.FileName), table, stream => reader.WriteRunCsv(table, stream, runId)));
    }

    /// <summary>A long CSV file, atomically: its byte-order mark and header, then the records <paramref name="records"/> writes.</summary>
    private static void WriteLongCsv(string path, CsvTable table, Action<Stream> records) => AtomicFile.Write(path, stream =>
    {
        RowFragmentWriter.WriteFileStart(stream, table.RowType);
        records(stream);
    });

    /// <summary>Runs <paramref name="write"/> for each long table, <paramref name="jobs"/> at a time, each over its own
    /// read-only connection; the tables are handed out one at a time in catalog order, so the largest (line items, first)
    /// does not share a worker with the next ones.</summary>
    private static void EachTable(StateStore store, int jobs, Action<StateStore, CsvTable> write)
    {
        if (jobs <= 1)
        {
            foreach (var table in CsvTables.PerRow)
            {
                write(store, table);
            }

            return;
        }

        Parallel.ForEach(
            Partitioner.Create(CsvTables.PerRow, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = jobs },
            table =>
            {
                using var reader = store.OpenReader();
                write(reader, table);
            });
    }

    private void CopyDocumentFiles(string fromDir, string toDir, string documentId)
    {
        var json = Path.Combine(fromDir, "json", documentId + ".json");
        if (!File.Exists(json))
        {
            Log.MissingOutputs(_logger, documentId, fromDir);
            return;
        }

        FileLinks.LinkOrCopy(json, Path.Combine(toDir, "json", documentId + ".json"));
        var fromTables = Path.Combine(fromDir, "tables", documentId);
        var toTables = Path.Combine(toDir, "tables", documentId);
        var names = Directory.Exists(fromTables)
            ? Directory.GetFiles(fromTables).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var name in names)
        {
            FileLinks.LinkOrCopy(Path.Combine(fromTables, name), Path.Combine(toTables, name));
        }

        if (Directory.Exists(toTables))
        {
            foreach (var stale in Directory.GetFiles(toTables).Where(f => !names.Contains(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            if (names.Count == 0)
            {
                Directory.Delete(toTables, recursive: true);
            }
        }
    }

    /// <summary>Removes per-document files of documents that are no longer current (file removed, or its id changed).</summary>
    private static void Prune(string current, HashSet<string> ids)
    {
        var json = Path.Combine(current, "json");
        if (Directory.Exists(json))
        {
            foreach (var f in Directory.GetFiles(json, "*.json").Where(f => !ids.Contains(Path.GetFileNameWithoutExtension(f))))
            {
                File.Delete(f);
            }
        }

        var tables = Path.Combine(current, "tables");
        if (Directory.Exists(tables))
        {
            foreach (var d in Directory.GetDirectories(tables).Where(d => !ids.Contains(Path.GetFileName(d))))
            {
                Directory.Delete(d, recursive: true);
            }
        }
    }
}
