using System.Globalization;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using Microsoft.Data.Sqlite;

namespace DisclosureExtract.Worker;

/// <summary>The version of a path that the merged dataset shows.</summary>
public sealed record CurrentFile(string Path, long VersionId, string Sha256, string DocumentId, string Status, long? PublishedVersionId, string? PublishedDocumentId, bool Removed);

/// <summary>A file version to publish into current/: where its per-document files are.</summary>
public sealed record PublishItem(string Path, long VersionId, string DocumentId, string Outputs, string? PreviousDocumentId);

/// <summary>A run as recorded.</summary>
public sealed record RunRecord(long RunId, string Status, string Folder, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, RunCounts Counts, string? Error);

/// <summary>What a run did with the files it saw.</summary>
public sealed record RunCounts(int Converted, int Unchanged, int Failed, int Skipped, int Removed);

/// <summary>One converted file version, to record with its output rows.</summary>
/// <param name="Rows">Its rows as stored, when already prepared (on the conversion's thread); else prepared while recording.</param>
public sealed record NewVersion(string Path, string Sha256, long Size, DateTimeOffset FirstSeen, string Outputs, ConversionResult Result, VersionRows? Rows = null);

/// <summary>What the state stores of a converted version besides its file row: its documents.csv row as JSON
/// (<see cref="StateRowJson"/>) and its long files' header and records (<see cref="StoredCsv"/>). Prepared on the thread
/// that converted it, so that recording (one file at a time, in inbox order) is only the database's writes.</summary>
/// <param name="Document">The documents.csv row as JSON.</param>
/// <param name="Csv">The long files' header and records, deflated, in <see cref="CsvTables.PerRow"/> order.</param>
public sealed record VersionRows(string Document, IReadOnlyList<byte[]> Csv)
{
    public static VersionRows Of(ConversionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new StateRowWriter();
        return new VersionRows(json.Write(OutputRows.Document(result)), StoredCsv.Render(result));
    }
}

/// <summary>
/// The worker's state in SQLite: runs, file versions with the output rows of each, and which version of each
/// path is current. Each file is recorded in one transaction, so a killed run leaves every file either
/// finished (with all its rows) or not started.
/// </summary>
public sealed class StateStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly string _path;

    private StateStore(SqliteConnection db, string path)
    {
        _db = db;
        _path = path;
    }

    public static StateStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return Connect(path, SqliteOpenMode.ReadWriteCreate,
            "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;", db => StateMigrations.Apply(db));
    }

    public int SchemaVersion => StateMigrations.Version(_db);

    /// <summary>Another connection to the same database, read-only, for reading rows on another thread while this one
    /// is in use (the database is in WAL mode: readers see every committed transaction and do not block the writer).</summary>
    public StateStore OpenReader() => Connect(_path, SqliteOpenMode.ReadOnly, "PRAGMA busy_timeout = 5000;", null);

    private static StateStore Connect(string path, SqliteOpenMode mode, string pragmas, Action<SqliteConnection>? prepare)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        try
        {
            db.Open();
            Execute(db, pragmas);
            prepare?.Invoke(db);
            return new StateStore(db, path);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Records a new run; its folder (relative to the output folder) is named from its start and its id.</summary>
    public (long RunId, string Folder) StartRun(DateTimeOffset startedAt, string inbox, Func<long, string> folderFor)
    {
        ArgumentNullException.ThrowIfNull(folderFor);
        using var tx = _db.BeginTransaction();
        long id;
        using (var cmd = Command("INSERT INTO runs (started_at, status, folder, inbox) VALUES ($s, 'running', '', $i) RETURNING run_id;",
            ("$s", Time(startedAt)), ("$i", inbox)))
        {
            cmd.Transaction = tx;
            id = (long)cmd.ExecuteScalar()!;
        }

        var folder = folderFor(id);
        using (var set = Command("UPDATE runs SET folder = $f WHERE run_id = $id;", ("$f", folder), ("$id", id)))
        {
            set.Transaction = tx;
            set.ExecuteNonQuery();
        }

        tx.Commit();
        return (id, folder);
    }

    public void FinishRun(long runId, string status, DateTimeOffset endedAt, TimeSpan took, RunCounts counts, string? error)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var cmd = Command(
            """
            UPDATE runs SET status = $st, ended_at = $e, duration_ms = $d, converted = $c, unchanged = $u, failed = $f,
                skipped = $sk, removed = $r, error = $err, outputs_complete = 1 WHERE run_id = $id;
            """,
            ("$st", status), ("$e", Time(endedAt)), ("$d", (long)took.TotalMilliseconds), ("$c", counts.Converted), ("$u", counts.Unchanged),
            ("$f", counts.Failed), ("$sk", counts.Skipped), ("$r", counts.Removed), ("$err", error), ("$id", runId));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Runs that stopped before writing their run folder's CSVs (killed, or cancelled).</summary>
    public IReadOnlyList<RunRecord> UnfinishedRuns() => Runs("WHERE outputs_complete = 0 ORDER BY run_id");

    public IReadOnlyList<RunRecord> AllRuns() => Runs("ORDER BY run_id");

    /// <summary>Closes a run that a kill or a cancellation stopped: its run folder now has its CSVs.</summary>
    public void CloseInterruptedRun(long runId, RunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var cmd = Command("UPDATE runs SET status = 'interrupted', converted = $c, failed = $f, outputs_complete = 1 WHERE run_id = $id;",
            ("$c", counts.Converted), ("$f", counts.Failed), ("$id", runId));
        cmd.ExecuteNonQuery();
    }

    public void MarkRunInterrupted(long runId, DateTimeOffset endedAt, string reason)
    {
        using var cmd = Command("UPDATE runs SET status = 'interrupted', ended_at = $e, error = $r WHERE run_id = $id;",
            ("$e", Time(endedAt)), ("$r", reason), ("$id", runId));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Counts of a run's recorded versions: (converted, failed).</summary>
    public (int Converted, int Failed) VersionCounts(long runId)
    {
        using var cmd = Command("SELECT COUNT(*), COALESCE(SUM(status = 'failed'), 0) FROM file_versions WHERE run_id = $id;", ("$id", runId));
        using var r = cmd.ExecuteReader();
        r.Read();
        var total = r.GetInt32(0);
        var failed = r.GetInt32(1);
        return (total - failed, failed);
    }

    public IReadOnlyDictionary<string, CurrentFile> CurrentFiles()
    {
        using var cmd = Command(
            """
            SELECT f.path, v.version_id, v.sha256, v.document_id, v.status, f.published_version_id, f.published_document_id, f.removed_run IS NOT NULL
            FROM files f JOIN file_versions v ON v.version_id = f.current_version_id;
            """);
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, CurrentFile>(StringComparer.Ordinal);
        while (r.Read())
        {
            result[r.GetString(0)] = new CurrentFile(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetInt64(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetBoolean(7));
        }

        return result;
    }

    /// <summary>An earlier recorded version of this path with this content and document id (a file changed back).</summary>
    public long? FindVersion(string path, string sha256, string documentId)
    {
        using var cmd = Command("SELECT version_id FROM file_versions WHERE path = $p AND sha256 = $h AND document_id = $d;",
            ("$p", path), ("$h", sha256), ("$d", documentId));
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>The run folder holding a recorded version's files.</summary>
    public string? VersionOutputs(long versionId)
    {
        using var cmd = Command("SELECT outputs FROM file_versions WHERE version_id = $v;", ("$v", versionId));
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Records that a version's files are now in another run folder (its own was removed).</summary>
    public void MoveVersionOutputs(long versionId, string folder)
    {
        using var cmd = Command("UPDATE file_versions SET outputs = $o WHERE version_id = $v;", ("$o", folder), ("$v", versionId));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The run folders that hold the files of a current version (still published or to be).</summary>
    public IReadOnlySet<string> FoldersInUse()
    {
        using var cmd = Command("SELECT DISTINCT v.outputs FROM files f JOIN file_versions v ON v.version_id = f.current_version_id;");
        using var r = cmd.ExecuteReader();
        var result = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            result.Add(r.GetString(0));
        }

        return result;
    }

    /// <summary>Records a converted version with its output rows and makes it current, in one transaction.</summary>
    public long RecordVersion(long runId, NewVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var r = version.Result;
        using var tx = _db.BeginTransaction();
        long id;
        using (var cmd = Command(
            """
            INSERT INTO file_versions (path, sha256, size, first_seen, document_id, status, error, outputs, run_id)
            VALUES ($p, $h, $s, $fs, $d, $st, $e, $o, $r) RETURNING version_id;
            """,
            ("$p", version.Path), ("$h", version.Sha256), ("$s", version.Size), ("$fs", Time(version.FirstSeen)), ("$d", r.DocumentId),
            ("$st", ConversionResult.StatusKey(r.Status)), ("$e", r.Error), ("$o", version.Outputs), ("$r", runId)))
        {
            cmd.Transaction = tx;
            id = (long)cmd.ExecuteScalar()!;
        }

        var rows = version.Rows ?? VersionRows.Of(r);
        using (var ins = Command("INSERT INTO version_rows (version_id, kind, ordinal, data) VALUES ($v, $k, 0, $data);",
            ("$v", id), ("$k", RowKinds.Documents), ("$data", rows.Document)))
        {
            ins.Transaction = tx;
            ins.ExecuteNonQuery();
        }

        StoreCsv(tx, id, rows.Csv);

        SetCurrent(tx, version.Path, id, runId);
        tx.Commit();
        return id;
    }

    /// <summary>A version's long-file header and records (<see cref="StoredCsv"/>), in <see cref="CsvTables.PerRow"/> order,
    /// with the build that rendered them.</summary>
    private void StoreCsv(SqliteTransaction tx, long versionId, IReadOnlyList<byte[]> csv)
    {
        using var ins = Command("INSERT OR REPLACE INTO version_csv (version_id, kind, build, csv) VALUES ($v, $k, $b, $csv);", ("$v", versionId), ("$b", BuildKey.Name));
        ins.Transaction = tx;
        var k = ins.Parameters.AddWithValue("$k", string.Empty);
        var data = ins.Parameters.AddWithValue("$csv", Array.Empty<byte>());
        for (var t = 0; t < CsvTables.PerRow.Count; t++)
        {
            k.Value = RowKinds.Of(CsvTables.PerRow[t]);
            data.Value = csv[t];
            ins.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Renders and stores the long-file records of every current version recorded before the state kept them (its rows
    /// were stored as JSON), reading its rows back, and then drops those rows (as a version recorded now, it keeps only
    /// its documents row as JSON), giving the space back when they were most of the file: the first publication after the
    /// upgrade pays this once, and later ones copy. Returns how many versions were rendered.
    /// </summary>
    public int StoreMissingCsv()
    {
        var missing = new List<long>();
        using (var cmd = Command(
            """
            SELECT v.version_id FROM files f JOIN file_versions v ON v.version_id = f.current_version_id
            WHERE f.removed_run IS NULL
              AND (SELECT COUNT(*) FROM version_csv c WHERE c.version_id = v.version_id) < $n
            ORDER BY v.version_id;
            """, ("$n", CsvTables.PerRow.Count)))
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                missing.Add(r.GetInt64(0));
            }
        }

        var writer = new RowFragmentWriter();
        foreach (var chunk in missing.Chunk(200))
        {
            using var tx = _db.BeginTransaction();
            foreach (var versionId in chunk)
            {
                StoreCsv(tx, versionId, [.. CsvTables.PerRow.Select(t =>
                    StoredCsv.Deflate(RowFragmentWriter.Header(t.RowType).Span, writer.Render(t.Fields, RowsOfVersion(versionId, RowKinds.Of(t), t.RowType, tx)).Span))]);
                using var drop = Command("DELETE FROM version_rows WHERE version_id = $v AND kind <> $k;", ("$v", versionId), ("$k", RowKinds.Documents));
                drop.Transaction = tx;
                drop.ExecuteNonQuery();
            }

            tx.Commit();
        }

        if (missing.Count > 0 && FreePagesAreMost())
        {
            // the rows dropped were most of the file (an upgraded state: ~12 times the size of the records): give the
            // space back once; VACUUM copies only the pages in use, which are now few
            Execute(_db, "VACUUM;");
        }

        return missing.Count;
    }

    private bool FreePagesAreMost()
    {
        using var free = Command("PRAGMA freelist_count;");
        using var all = Command("PRAGMA page_count;");
        return Convert.ToInt64(free.ExecuteScalar(), CultureInfo.InvariantCulture) * 2 > Convert.ToInt64(all.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Makes an earlier version current again (the file changed back to content already converted).</summary>
    public void ReuseVersion(string path, long versionId, long runId)
    {
        using var tx = _db.BeginTransaction();
        SetCurrent(tx, path, versionId, runId);
        tx.Commit();
    }

    /// <summary>Notes that these paths were present in this run (unchanged, or left for the next pass).</summary>
    public void MarkSeen(IEnumerable<string> paths, long runId)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var tx = _db.BeginTransaction();
        using var cmd = Command("UPDATE files SET last_seen_run = $r, removed_run = NULL WHERE path = $p;");
        cmd.Transaction = tx;
        cmd.Parameters.AddWithValue("$r", runId);
        var p = cmd.Parameters.AddWithValue("$p", string.Empty);
        foreach (var path in paths)
        {
            p.Value = path;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Paths not seen in this run are gone from the inbox: they leave the merged dataset. Returns how many.</summary>
    public int MarkRemoved(long runId)
    {
        using var cmd = Command("UPDATE files SET removed_run = $r WHERE last_seen_run <> $r AND removed_run IS NULL;", ("$r", runId));
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Present files whose current version is not yet in current/, and removed files still there.</summary>
    public (IReadOnlyList<PublishItem> ToPublish, IReadOnlyList<(string Path, string DocumentId)> ToWithdraw) PendingPublication()
    {
        var publish = new List<PublishItem>();
        var withdraw = new List<(string, string)>();
        using var cmd = Command(
            """
            SELECT f.path, v.version_id, v.document_id, v.outputs, f.published_document_id, f.removed_run IS NOT NULL, f.published_version_id
            FROM files f JOIN file_versions v ON v.version_id = f.current_version_id
            WHERE (f.removed_run IS NULL AND (f.published_version_id IS NULL OR f.published_version_id <> f.current_version_id))
               OR (f.removed_run IS NOT NULL AND f.published_version_id IS NOT NULL)
            ORDER BY f.path;
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var previous = r.IsDBNull(4) ? null : r.GetString(4);
            if (r.GetBoolean(5))
            {
                withdraw.Add((r.GetString(0), previous ?? r.GetString(2)));
            }
            else
            {
                publish.Add(new PublishItem(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), previous));
            }
        }

        return (publish, withdraw);
    }

    public void MarkPublished(string path, long? versionId, string? documentId)
    {
        using var cmd = Command("UPDATE files SET published_version_id = $v, published_document_id = $d WHERE path = $p;",
            ("$v", versionId), ("$d", documentId), ("$p", path));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The merged dataset's rows of one kind: current versions of present files, by document id, in output order.</summary>
    public IEnumerable<T> CurrentRows<T>(string kind) => Rows<T>(
        """
        SELECT r.data FROM files f JOIN file_versions v ON v.version_id = f.current_version_id
        JOIN version_rows r ON r.version_id = v.version_id AND r.kind = $k
        WHERE f.removed_run IS NULL ORDER BY v.document_id COLLATE BINARY, r.ordinal;
        """, kind, null);

    /// <summary>The rows of the versions converted in one run, by document id.</summary>
    public IEnumerable<T> RunRows<T>(string kind, long runId) => Rows<T>(
        """
        SELECT r.data FROM file_versions v JOIN version_rows r ON r.version_id = v.version_id AND r.kind = $k
        WHERE v.run_id = $run ORDER BY v.document_id COLLATE BINARY, r.ordinal;
        """, kind, runId);

    /// <summary>Versions recorded in a run: (path, document id, status, error).</summary>
    public IReadOnlyList<(string Path, string DocumentId, string Status, string? Error)> RunVersions(long runId)
    {
        using var cmd = Command("SELECT path, document_id, status, error FROM file_versions WHERE run_id = $r ORDER BY path;", ("$r", runId));
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, string, string?)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return list;
    }

    public void Dispose() => _db.Dispose();

    /// <summary>Writes the records (no header) of one long CSV file for the current versions, in document-id order: each
    /// version's stored records (<see cref="StoredCsv"/>), or, for a version recorded before the state kept them, its
    /// rows read back and rendered.</summary>
    /// <param name="table">The long file.</param>
    /// <param name="to">Where the records go.</param>
    /// <param name="leaveOut">Documents whose records are left out (duplicates of another file).</param>
    public void WriteCurrentCsv(CsvTable table, Stream to, IReadOnlySet<string>? leaveOut = null) => WriteCsv(CurrentVersionsSql, table, null, to, leaveOut);

    /// <summary>As <see cref="WriteCurrentCsv"/>, for the versions converted in one run.</summary>
    public void WriteRunCsv(CsvTable table, Stream to, long runId) => WriteCsv(RunVersionsSql, table, runId, to, null);

    private const string CurrentVersionsSql =
        """
        SELECT v.version_id, v.document_id FROM files f JOIN file_versions v ON v.version_id = f.current_version_id
        WHERE f.removed_run IS NULL ORDER BY v.document_id COLLATE BINARY, v.version_id;
        """;

    private const string RunVersionsSql =
        """
        SELECT v.version_id, v.document_id FROM file_versions v
        WHERE v.run_id = $run ORDER BY v.document_id COLLATE BINARY, v.version_id;
        """;

    private void WriteCsv(string versionsSql, CsvTable table, long? runId, Stream to, IReadOnlySet<string>? leaveOut)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(to);
        var kind = RowKinds.Of(table);
        var header = RowFragmentWriter.Header(table.RowType);
        using var stored = Command("SELECT csv FROM version_csv WHERE version_id = $v AND kind = $k;", ("$k", kind));
        var version = stored.Parameters.AddWithValue("$v", 0L);
        RowFragmentWriter? writer = null;
        foreach (var (versionId, documentId) in Versions(versionsSql, runId))
        {
            if (leaveOut is not null && leaveOut.Contains(documentId))
            {
                continue;
            }

            version.Value = versionId;
            if (stored.ExecuteScalar() is byte[] csv)
            {
                StoredCsv.WriteRecords(csv, table, header.Span, to);
                continue;
            }

            writer ??= new RowFragmentWriter();
            to.Write(writer.Render(table.Fields, RowsOfVersion(versionId, kind, table.RowType, null)).Span);
        }
    }

    /// <summary>The versions a query lists (version id, document id), read in full before their records are, each by its
    /// key: one query over all of them ordered by document id made SQLite sort their data in a temporary B-tree.</summary>
    private List<(long VersionId, string DocumentId)> Versions(string versionsSql, long? runId)
    {
        var versions = new List<(long VersionId, string DocumentId)>();
        using var cmd = Command(versionsSql);
        if (runId is { } id)
        {
            cmd.Parameters.AddWithValue("$run", id);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            versions.Add((r.GetInt64(0), r.GetString(1)));
        }

        return versions;
    }

    /// <summary>One version's rows of one kind, in their order.</summary>
    private List<object> RowsOfVersion(long versionId, string kind, Type rowType, SqliteTransaction? tx)
    {
        using var cmd = Command("SELECT data FROM version_rows WHERE version_id = $v AND kind = $k ORDER BY ordinal;", ("$v", versionId), ("$k", kind));
        cmd.Transaction = tx;
        using var r = cmd.ExecuteReader();
        var rows = new List<object>();
        while (r.Read())
        {
            rows.Add(StateRowJson.Read(r.GetFieldValue<byte[]>(0), rowType));
        }

        return rows;
    }

    private IEnumerable<T> Rows<T>(string sql, string kind, long? runId)
    {
        using var cmd = Command(sql, ("$k", kind));
        if (runId is { } id)
        {
            cmd.Parameters.AddWithValue("$run", id);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return (T)StateRowJson.Read(r.GetFieldValue<byte[]>(0), typeof(T));
        }
    }

    private IReadOnlyList<RunRecord> Runs(string where)
    {
#pragma warning disable CA2100 // the clause is one of this class's constants
        using var cmd = Command(
            "SELECT run_id, status, folder, started_at, ended_at, converted, unchanged, failed, skipped, removed, error FROM runs " + where + ";");
#pragma warning restore CA2100
        using var r = cmd.ExecuteReader();
        var list = new List<RunRecord>();
        while (r.Read())
        {
            list.Add(new RunRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), ParseTime(r.GetString(3)), r.IsDBNull(4) ? null : ParseTime(r.GetString(4)),
                new RunCounts(r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9)), r.IsDBNull(10) ? null : r.GetString(10)));
        }

        return list;
    }

    private void SetCurrent(SqliteTransaction tx, string path, long versionId, long runId)
    {
        using var cmd = Command(
            """
            INSERT INTO files (path, current_version_id, last_seen_run) VALUES ($p, $v, $r)
            ON CONFLICT (path) DO UPDATE SET current_version_id = excluded.current_version_id, last_seen_run = excluded.last_seen_run, removed_run = NULL;
            """,
            ("$p", path), ("$v", versionId), ("$r", runId));
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
#pragma warning disable CA2100 // every statement is a constant of this class; values go in parameters
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
#pragma warning disable CA2100
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.ExecuteNonQuery();
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>The three row kinds, named as the merged CSV files.</summary>
public static class RowKinds
{
    public const string Documents = "documents";
    public const string LineItems = "line_items";
    public const string Findings = "findings";

    /// <summary>The kind under which a long CSV file's rows are stored: its file name without extension.</summary>
    public static string Of(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Path.GetFileNameWithoutExtension(table.FileName);
    }
}
