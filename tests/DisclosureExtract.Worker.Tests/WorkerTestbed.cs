using System.Text;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker.Tests;

/// <summary>A clock the test sets; timers and timestamps stay real (the worker only reads the time of day from it).</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Runs an action after the Nth recorded file: a fault (exception) or a cancellation, to simulate a kill mid-run.</summary>
public sealed class AfterFiles(int count, Action act) : IRunObserver
{
    private int _seen;

    public List<string> Recorded { get; } = [];

    public void FileRecorded(string relativePath, ConversionResult result)
    {
        Recorded.Add(relativePath);
        if (++_seen == count)
        {
            act();
        }
    }
}

/// <summary>
/// A temporary inbox with copies of the corpus text documents, an output folder, and a worker over them.
/// The worker's clock is <see cref="TestNow"/> and the inbox files are dated from that clock (an hour before it),
/// so no test compares a fixed date with a file's real time.
/// </summary>
public sealed class WorkerTestbed : IDisposable
{
    /// <summary>Environment variable that moves the tests' clock by whole days (e.g. 365 or -365) to show nothing depends on the date.</summary>
    public const string ClockShiftVariable = "DX_TEST_CLOCK_SHIFT_DAYS";

    /// <summary>The tests' clock: a fixed instant, moved by <see cref="ClockShiftVariable"/> days when it is set.</summary>
    public static DateTimeOffset TestNow { get; } = new DateTimeOffset(2026, 11, 24, 2, 30, 0, TimeSpan.Zero).AddDays(ClockShiftDays());

    public WorkerTestbed(int corpusFiles = 4)
    {
        Root = Path.Combine(Path.GetTempPath(), "dx-worker-" + Guid.NewGuid().ToString("N"));
        Inbox = Path.Combine(Root, "inbox");
        Output = Path.Combine(Root, "out");
        Directory.CreateDirectory(Inbox);
        foreach (var f in Directory.GetFiles(Corpus("text"), "*.txt").Order(StringComparer.Ordinal).Take(corpusFiles))
        {
            File.Copy(f, Path.Combine(Inbox, Path.GetFileName(f)));
        }

        Options = new WorkerOptions { Inbox = Inbox, Output = Output, Once = true, SettleDelay = TimeSpan.Zero };
        Clock = new FakeClock(TestNow);
        DateInbox(Clock.Now.AddHours(-1));
    }

    public string Root { get; }

    public string Inbox { get; }

    public string Output { get; }

    public WorkerOptions Options { get; }

    public FakeClock Clock { get; }

    public string Current => Path.Combine(Output, "current");

    public string StatePath => Options.StatePath;

    /// <summary>Sets every inbox file's modification time (files the test adds later too).</summary>
    public void DateInbox(DateTimeOffset modified)
    {
        foreach (var f in Directory.GetFiles(Inbox, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(f, modified.UtcDateTime);
        }
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DisclosureExtract.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public static string Corpus(params string[] parts) => Path.Combine([RepoRoot(), "corpus", .. parts]);

    public NightlyRunner Runner(IRunObserver? observer = null, Func<TimeSpan, CancellationToken, Task>? settleWait = null, ILogger<NightlyRunner>? logger = null) =>
        Runner(new InboxScanner(Clock, settleWait, logger), observer, logger);

    public NightlyRunner Runner(InboxScanner scanner, IRunObserver? observer = null, ILogger<NightlyRunner>? logger = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options), new DisclosurePipeline(), scanner, Clock,
            logger ?? NullLogger<NightlyRunner>.Instance, observer);

    public Task<RunSummary> RunAsync(IRunObserver? observer = null, CancellationToken cancellationToken = default) =>
        Runner(observer).RunOnceAsync(cancellationToken);

    /// <summary>Lines of a CSV (BOM removed), header first.</summary>
    public static string[] CsvLines(string path) => File.ReadAllLines(path, Encoding.UTF8);

    /// <summary>document_id of each data row of a CSV whose first column is document_id.</summary>
    public static List<string> Ids(string path) => CsvLines(path).Skip(1).Select(l => l.Split(',')[0]).ToList();

    /// <summary>What `convert` writes for the inbox as it is now: the reference the merged dataset must equal.</summary>
    public string FreshConvert()
    {
        var dir = Path.Combine(Root, "fresh-" + Guid.NewGuid().ToString("N"));
        var files = InputDiscovery.Discover([Inbox]).Where(f => f.SkipReason is null).ToList();
        var pipeline = new DisclosurePipeline();
        OutputWriter.Write(dir, files.Select(pipeline.Convert).ToList());
        return dir;
    }

    public List<(string Path, string Status, long RunId, string? Error)> Versions()
    {
        using var db = Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT path, status, run_id, error FROM file_versions ORDER BY version_id;";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, long, string?)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return list;
    }

    public IReadOnlyList<RunRecord> Runs()
    {
        using var store = StateStore.Open(StatePath);
        return store.AllRuns();
    }

    public SqliteConnection Open()
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StatePath, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    private static int ClockShiftDays()
    {
        var text = Environment.GetEnvironmentVariable(ClockShiftVariable);
        return string.IsNullOrWhiteSpace(text) ? 0 : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
