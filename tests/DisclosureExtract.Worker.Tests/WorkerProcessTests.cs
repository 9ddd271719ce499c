using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace DisclosureExtract.Worker.Tests;

/// <summary>The worker as a real process: exit codes, settings from the environment, the lock, and a SIGKILL mid-run.</summary>
public sealed class WorkerProcessTests : IDisposable
{
    private readonly WorkerTestbed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Run_once_converts_the_inbox_and_exits_0_with_settings_from_the_environment()
    {
        var (code, output) = await RunWorkerAsync([$"--Worker:Inbox={_bed.Inbox}", "--Worker:Once=true", "--Worker:SettleDelay=00:00:00"],
            new Dictionary<string, string> { ["Worker__Output"] = _bed.Output });

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains("4 converted, 0 unchanged, 0 failed, 0 skipped, 0 removed", output, StringComparison.Ordinal);
        Assert.Equal(4, WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")).Count);
    }

    [Fact]
    public async Task Invalid_settings_exit_2_with_a_plain_message()
    {
        var (code, output) = await RunWorkerAsync(["--Worker:Once=true", $"--Worker:Output={_bed.Output}"]);

        Assert.Equal(ExitCodes.InvalidSettings, code);
        Assert.Contains("error: Worker:Inbox is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_worker_on_the_same_state_exits_3_and_says_who_holds_it()
    {
        using var held = WorkerLock.TryAcquire(_bed.StatePath, out _);

        var (code, output) = await RunWorkerAsync([$"--Worker:Inbox={_bed.Inbox}", $"--Worker:Output={_bed.Output}", "--Worker:Once=true", "--Worker:SettleDelay=00:00:00"]);

        Assert.Equal(ExitCodes.Locked, code);
        Assert.Contains("Another worker holds the state", output, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_bed.Current));
    }

    [Fact]
    public async Task A_worker_killed_mid_run_then_run_again_converts_each_file_once_and_leaves_consistent_outputs()
    {
        // Enough files that the kill lands mid-run: copies of the corpus under new names.
        var originals = Directory.GetFiles(_bed.Inbox);
        for (var i = 0; i < 12; i++)
        {
            foreach (var f in originals)
            {
                File.Copy(f, Path.Combine(_bed.Inbox, $"{Path.GetFileNameWithoutExtension(f)}-copy{i:D2}.txt"));
            }
        }

        var total = Directory.GetFiles(_bed.Inbox).Length;
        using var worker = Start([$"--Worker:Inbox={_bed.Inbox}", $"--Worker:Output={_bed.Output}", "--Worker:Once=true", "--Worker:SettleDelay=00:00:00"], null);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (RecordedVersions() < 3 && !worker.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
        var before = RecordedVersions();
        Assert.InRange(before, 3, total - 1); // killed mid-run, after some files were finished

        var resumed = await _bed.RunAsync();

        Assert.Equal(new RunCounts(total - before, before, 0, 0, 0), resumed.Counts);
        var versions = _bed.Versions();
        Assert.Equal(total, versions.Count);
        Assert.Equal(total, versions.Select(v => v.Path).Distinct().Count());
        Assert.Equal(["interrupted", "completed"], _bed.Runs().Select(r => r.Status));
        var fresh = _bed.FreshConvert();
        foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, name)), File.ReadAllBytes(Path.Combine(_bed.Current, name)));
        }
    }

    private int RecordedVersions()
    {
        if (!File.Exists(_bed.StatePath))
        {
            return 0;
        }

        try
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _bed.StatePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM file_versions;";
            return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet, or being migrated
        }
    }

    private static async Task<(int Code, string Output)> RunWorkerAsync(string[] args, IDictionary<string, string>? env = null)
    {
        using var p = Start(args, env);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    private static Process Start(string[] args, IDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "disclosure-extract-worker.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["Logging__Console__FormatterName"] = "simple";
        psi.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("the worker did not start");
    }
}
