using Microsoft.Data.Sqlite;

namespace DisclosureExtract.Worker;

/// <summary>
/// The state database's schema, as numbered steps. PRAGMA user_version holds the last step applied;
/// opening a database applies the missing steps in one transaction. Append steps; never edit one that shipped.
/// </summary>
public static class StateMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: runs, file versions (one row per content of a path), the output rows of each version, and the current state of each path.
        """
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL,
            folder TEXT NOT NULL,
            inbox TEXT NOT NULL,
            converted INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            duration_ms INTEGER,
            error TEXT,
            outputs_complete INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE file_versions (
            version_id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            first_seen TEXT NOT NULL,
            document_id TEXT NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            outputs TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(run_id),
            UNIQUE (path, sha256, document_id)
        );
        CREATE TABLE version_rows (
            version_id INTEGER NOT NULL REFERENCES file_versions(version_id),
            kind TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (version_id, kind, ordinal)
        ) WITHOUT ROWID;
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            current_version_id INTEGER NOT NULL REFERENCES file_versions(version_id),
            published_version_id INTEGER,
            published_document_id TEXT,
            last_seen_run INTEGER NOT NULL,
            removed_run INTEGER
        );
        """,

        // 2: the run folders' CSVs select a run's versions.
        "CREATE INDEX file_versions_by_run ON file_versions(run_id);",

        // 3: each version's rows of every long CSV file as that file's header line and records (UTF-8 CSV, deflated),
        //    with the build that rendered them: publishing copies them instead of reading every stored row back. From
        //    this step on, version_rows holds only a version's documents row; versions recorded before keep their rows
        //    there (read when their CSV is first needed, and rendered into version_csv).
        """
        CREATE TABLE version_csv (
            version_id INTEGER NOT NULL REFERENCES file_versions(version_id),
            kind TEXT NOT NULL,
            build TEXT NOT NULL,
            csv BLOB NOT NULL,
            PRIMARY KEY (version_id, kind)
        );
        """,
    ];

    /// <summary>Brings the database to the latest step; refuses a database written by a newer program.</summary>
    public static int Apply(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var current = Version(connection);
        if (current > Steps.Count)
        {
            throw new InvalidOperationException(
                $"the state database is at schema version {current}, newer than this program's {Steps.Count}: upgrade the worker");
        }

        if (current == Steps.Count)
        {
            return current;
        }

        using var tx = connection.BeginTransaction();
        for (var i = current; i < Steps.Count; i++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Steps[i];
            cmd.ExecuteNonQuery();
        }

        using (var set = connection.CreateCommand())
        {
            set.Transaction = tx;
#pragma warning disable CA2100 // the value is an integer this program computed, not input
            set.CommandText = $"PRAGMA user_version = {Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
#pragma warning restore CA2100
            set.ExecuteNonQuery();
        }

        tx.Commit();
        return Steps.Count;
    }

    public static int Version(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
