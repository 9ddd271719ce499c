using Microsoft.Data.Sqlite;

namespace DisclosureExtract.Worker.Tests;

public sealed class StateMigrationsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dx-state-" + Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_dir, "state.db");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_new_database_gets_every_step()
    {
        using var store = StateStore.Open(DbPath);

        Assert.Equal(StateMigrations.Steps.Count, store.SchemaVersion);
        Assert.Equal(["file_versions", "files", "runs", "version_csv", "version_rows"], Names("table"));
        Assert.Contains("file_versions_by_run", Names("index"));
    }

    [Fact]
    public void An_older_database_is_migrated_and_keeps_its_rows()
    {
        Directory.CreateDirectory(_dir);
        using (var db = Connect())
        {
            Exec(db, StateMigrations.Steps[0]);
            Exec(db, "PRAGMA user_version = 1;");
            Exec(db, "INSERT INTO runs (started_at, status, folder, inbox) VALUES ('2026-01-01T00:00:00.0000000+00:00', 'completed', 'runs/x', '/in');");
        }

        using var store = StateStore.Open(DbPath);

        Assert.Equal(StateMigrations.Steps.Count, store.SchemaVersion);
        Assert.Contains("file_versions_by_run", Names("index"));
        var run = Assert.Single(store.AllRuns());
        Assert.Equal("runs/x", run.Folder);
    }

    [Fact]
    public void A_database_from_a_newer_program_is_refused()
    {
        Directory.CreateDirectory(_dir);
        using (var db = Connect())
        {
            Exec(db, "PRAGMA user_version = 99;");
        }

        var ex = Assert.Throws<InvalidOperationException>(() => StateStore.Open(DbPath));
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    private SqliteConnection Connect()
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private List<string> Names(string type)
    {
        using var db = Connect();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = $t AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        cmd.Parameters.AddWithValue("$t", type);
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }
}
