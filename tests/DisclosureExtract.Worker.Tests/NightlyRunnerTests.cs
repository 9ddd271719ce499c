using System.Security.Cryptography;
using System.Text;
using DisclosureExtract.Export;
using Microsoft.Extensions.Logging;

namespace DisclosureExtract.Worker.Tests;

public sealed class NightlyRunnerTests : IDisposable
{
    private readonly WorkerTestbed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task First_run_converts_all_and_a_second_run_converts_nothing()
    {
        var first = await _bed.RunAsync();

        Assert.Equal(RunOutcome.Completed, first.Outcome);
        Assert.Equal(new RunCounts(4, 0, 0, 0, 0), first.Counts);
        var versions = _bed.Versions();
        Assert.Equal(4, versions.Count);
        Assert.All(versions, v => Assert.NotEqual("failed", v.Status));
        Assert.All(versions, v => Assert.Equal(first.RunId, v.RunId));
        var ids = WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv"));
        Assert.Equal(["bayingol-2023", "kizilsu-2025", "shanshan-2024", "tekes-2023"], ids);
        Assert.Equal(ids, WorkerTestbed.Ids(Path.Combine(first.RunFolder, "documents.csv")));
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(first.RunFolder, "json", id + ".json"))));
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(_bed.Current, "json", id + ".json"))));
        var mergedAfterFirst = File.ReadAllBytes(Path.Combine(_bed.Current, "documents.csv"));

        var second = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 4, 0, 0, 0), second.Counts);
        Assert.NotEqual(first.RunFolder, second.RunFolder);
        Assert.Empty(WorkerTestbed.Ids(Path.Combine(second.RunFolder, "documents.csv")));
        Assert.False(Directory.Exists(Path.Combine(second.RunFolder, "json")));
        Assert.Equal(4, _bed.Versions().Count);
        Assert.Equal(mergedAfterFirst, File.ReadAllBytes(Path.Combine(_bed.Current, "documents.csv")));
        var runs = _bed.Runs();
        Assert.Equal(["completed", "completed"], runs.Select(r => r.Status));
        Assert.Equal(second.Counts, runs[1].Counts);
        Assert.NotNull(runs[1].EndedAt);
    }

    [Fact]
    public async Task The_merged_dataset_equals_what_convert_writes_for_the_inbox()
    {
        await _bed.RunAsync();

        var fresh = _bed.FreshConvert();
        foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, name)), File.ReadAllBytes(Path.Combine(_bed.Current, name)));
        }

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(fresh, "json", "tekes-2023.json")),
            File.ReadAllBytes(Path.Combine(_bed.Current, "json", "tekes-2023.json")));
        // the SQLite file too: built from the same CSV rows, it is the same file
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, "disclosures.sqlite")), File.ReadAllBytes(Path.Combine(_bed.Current, "disclosures.sqlite")));
    }

    [Fact]
    public async Task A_file_scraped_twice_is_marked_a_duplicate_in_the_dataset_as_convert_marks_it()
    {
        // the dataset's documents.csv is written as a stream, duplicates marked as the rows pass
        File.Copy(Path.Combine(_bed.Inbox, "tekes-2023.txt"), Path.Combine(_bed.Inbox, "tekes-2023-again.txt"));

        await _bed.RunAsync();

        var fresh = _bed.FreshConvert();
        foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, name)), File.ReadAllBytes(Path.Combine(_bed.Current, name)));
        }

        var documents = File.ReadAllText(Path.Combine(_bed.Current, "documents.csv"));
        Assert.Contains("duplicate of tekes-2023:", documents, StringComparison.Ordinal);
        Assert.DoesNotContain("tekes-2023-again,", File.ReadAllText(Path.Combine(_bed.Current, "line_items.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_one_files_content_reconverts_only_it()
    {
        await _bed.RunAsync();
        var changed = Path.Combine(_bed.Inbox, "kizilsu-2025.txt");
        File.AppendAllText(changed, "\n附件：无\n", Encoding.UTF8);
        var newSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(changed)));

        var run = await _bed.RunAsync();

        Assert.Equal(new RunCounts(1, 3, 0, 0, 0), run.Counts);
        Assert.Equal(["kizilsu-2025"], WorkerTestbed.Ids(Path.Combine(run.RunFolder, "documents.csv")));
        Assert.Equal(["kizilsu-2025.json"], Directory.GetFiles(Path.Combine(run.RunFolder, "json")).Select(Path.GetFileName));
        var versions = _bed.Versions();
        Assert.Equal(5, versions.Count);
        Assert.Equal(2, versions.Count(v => v.Path == "kizilsu-2025.txt"));
        var merged = WorkerTestbed.CsvLines(Path.Combine(_bed.Current, "documents.csv"));
        Assert.Equal(5, merged.Length);
        Assert.Single(merged, l => l.StartsWith("kizilsu-2025,", StringComparison.Ordinal));
        Assert.Contains(merged, l => l.StartsWith("kizilsu-2025,", StringComparison.Ordinal) && l.Contains(newSha, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_changed_back_to_content_already_converted_is_not_converted_again()
    {
        var path = Path.Combine(_bed.Inbox, "tekes-2023.txt");
        var original = File.ReadAllBytes(path);
        await _bed.RunAsync();
        File.AppendAllText(path, "\n附件：无\n", Encoding.UTF8);
        await _bed.RunAsync();
        File.WriteAllBytes(path, original);

        var run = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 4, 0, 0, 0), run.Counts);
        Assert.Equal(5, _bed.Versions().Count);
        var fresh = _bed.FreshConvert();
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, "documents.csv")), File.ReadAllBytes(Path.Combine(_bed.Current, "documents.csv")));
    }

    [Fact]
    public async Task A_corrupt_file_is_recorded_as_failed_the_rest_convert_and_it_is_retried_only_when_it_changes()
    {
        var junk = Path.Combine(_bed.Inbox, "junk.txt");
        File.WriteAllBytes(junk, [0, 1, 2, 3, 0xFF, 0, 9, 0, 0, 7]);

        var first = await _bed.RunAsync();

        Assert.Equal(new RunCounts(4, 0, 1, 0, 0), first.Counts);
        Assert.Equal(ExitCodes.SomeFailed, NightlyService.ExitCodeOf(first));
        var failed = Assert.Single(_bed.Versions(), v => v.Status == "failed");
        Assert.Equal("junk.txt", failed.Path);
        Assert.Equal("binary data, not a text document", failed.Error);
        Assert.Contains(WorkerTestbed.CsvLines(Path.Combine(_bed.Current, "documents.csv")),
            l => l.StartsWith("junk,", StringComparison.Ordinal) && l.EndsWith(",failed,\"binary data, not a text document\"", StringComparison.Ordinal));

        var second = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 5, 0, 0, 0), second.Counts);
        Assert.Equal(ExitCodes.Ok, NightlyService.ExitCodeOf(second));

        File.WriteAllBytes(junk, [0, 1, 2, 3, 0xFF, 0, 9, 0, 0, 8]);
        var third = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 4, 1, 0, 0), third.Counts);
        Assert.Equal(2, _bed.Versions().Count(v => v.Path == "junk.txt" && v.Status == "failed"));
        Assert.Single(WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")), id => id == "junk");
    }

    [Fact]
    public async Task A_run_faulted_after_two_files_then_a_normal_run_leaves_complete_consistent_outputs()
    {
        var fault = new AfterFiles(2, () => throw new IOException("simulated crash"));

        await Assert.ThrowsAsync<IOException>(() => _bed.RunAsync(fault));

        Assert.Equal(2, _bed.Versions().Count);
        Assert.Equal("running", Assert.Single(_bed.Runs()).Status);
        Assert.False(File.Exists(Path.Combine(_bed.Current, "documents.csv")));

        var resumed = await _bed.RunAsync();

        Assert.Equal(new RunCounts(2, 2, 0, 0, 0), resumed.Counts);
        var versions = _bed.Versions();
        Assert.Equal(4, versions.Count);
        Assert.Equal(4, versions.Select(v => v.Path).Distinct().Count());
        Assert.Equal(fault.Recorded, versions.Where(v => v.RunId == 1).Select(v => v.Path));
        var runs = _bed.Runs();
        Assert.Equal(["interrupted", "completed"], runs.Select(r => r.Status));
        Assert.Equal(2, WorkerTestbed.Ids(Path.Combine(_bed.Output, runs[0].Folder, "documents.csv")).Count);
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_run_killed_while_updating_leaves_the_previous_merged_dataset_intact_until_the_next_run_finishes()
    {
        await _bed.RunAsync();
        var before = File.ReadAllBytes(Path.Combine(_bed.Current, "documents.csv"));
        var beforeJson = File.ReadAllBytes(Path.Combine(_bed.Current, "json", "bayingol-2023.json"));
        File.AppendAllText(Path.Combine(_bed.Inbox, "bayingol-2023.txt"), "\n附件：无\n", Encoding.UTF8);
        File.AppendAllText(Path.Combine(_bed.Inbox, "tekes-2023.txt"), "\n附件：无\n", Encoding.UTF8);

        await Assert.ThrowsAsync<IOException>(() => _bed.RunAsync(new AfterFiles(1, () => throw new IOException("simulated crash"))));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_bed.Current, "documents.csv")));
        Assert.Equal(beforeJson, File.ReadAllBytes(Path.Combine(_bed.Current, "json", "bayingol-2023.json")));

        var resumed = await _bed.RunAsync();

        Assert.Equal(new RunCounts(1, 3, 0, 0, 0), resumed.Counts);
        Assert.Equal(6, _bed.Versions().Count);
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_cancelled_run_is_recorded_as_interrupted_and_the_next_run_converts_the_rest()
    {
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _bed.RunAsync(new AfterFiles(1, cts.Cancel), cts.Token));

        var run = Assert.Single(_bed.Runs());
        Assert.Equal("interrupted", run.Status);
        Assert.Single(_bed.Versions());

        var resumed = await _bed.RunAsync();

        Assert.Equal(new RunCounts(3, 1, 0, 0, 0), resumed.Counts);
        Assert.Single(WorkerTestbed.Ids(Path.Combine(_bed.Output, run.Folder, "documents.csv")));
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_file_changed_between_its_hash_and_its_reading_is_left_for_the_next_pass_with_no_files_written()
    {
        // one job: the second file is hashed before the first is recorded, and read after; the observer changes it between
        var second = Path.Combine(_bed.Inbox, "kizilsu-2025.txt");
        var first = await _bed.RunAsync(new AfterFiles(1, () => File.AppendAllText(second, "\n附件：无\n", Encoding.UTF8)));

        Assert.Equal(new RunCounts(3, 0, 0, 1, 0), first.Counts);
        Assert.DoesNotContain(_bed.Versions(), v => v.Path == "kizilsu-2025.txt");
        Assert.False(File.Exists(Path.Combine(first.RunFolder, "json", "kizilsu-2025.json")));
        Assert.False(Directory.Exists(Path.Combine(first.RunFolder, "tables", "kizilsu-2025")));
        Assert.DoesNotContain("kizilsu-2025", WorkerTestbed.Ids(Path.Combine(first.RunFolder, "documents.csv")));

        var next = await _bed.RunAsync();

        Assert.Equal(new RunCounts(1, 3, 0, 0, 0), next.Counts);
        Assert.True(File.Exists(Path.Combine(next.RunFolder, "json", "kizilsu-2025.json")));
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_file_still_being_copied_is_left_for_the_next_pass()
    {
        _bed.Options.SettleDelay = TimeSpan.FromMilliseconds(10);
        var growing = Path.Combine(_bed.Inbox, "shanshan-2024.txt");
        Task GrowMeanwhile(TimeSpan delay, CancellationToken ct)
        {
            File.AppendAllText(growing, "\n（续）\n", Encoding.UTF8);
            return Task.CompletedTask;
        }

        var first = await _bed.Runner(settleWait: GrowMeanwhile).RunOnceAsync(CancellationToken.None);

        Assert.Equal(new RunCounts(3, 0, 0, 1, 0), first.Counts);
        Assert.DoesNotContain(_bed.Versions(), v => v.Path == "shanshan-2024.txt");
        Assert.DoesNotContain("shanshan-2024", WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")));

        var second = await _bed.RunAsync();

        Assert.Equal(new RunCounts(1, 3, 0, 0, 0), second.Counts);
        Assert.Contains("shanshan-2024", WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")));
    }

    [Fact]
    public async Task Files_modified_more_recently_than_MinFileAge_wait_for_a_later_pass()
    {
        _bed.Options.MinFileAge = TimeSpan.FromMinutes(10);
        var written = _bed.Clock.Now.AddHours(-2);
        _bed.DateInbox(written);
        _bed.Clock.Now = written.AddMinutes(1);

        var early = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 0, 0, 4, 0), early.Counts);
        Assert.Empty(_bed.Versions());

        _bed.Clock.Now = written.AddMinutes(11);
        var later = await _bed.RunAsync();

        Assert.Equal(new RunCounts(4, 0, 0, 0, 0), later.Counts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task Files_modified_in_the_future_are_settled_and_logged_once(int minFileAgeMinutes)
    {
        // Clock skew between a file server and the worker, or an archive extracted with its original times.
        _bed.Options.MinFileAge = TimeSpan.FromMinutes(minFileAgeMinutes);
        _bed.DateInbox(_bed.Clock.Now.AddDays(30));
        var log = new ListLogger<NightlyRunner>();
        var scanner = new InboxScanner(_bed.Clock, logger: log);

        var first = await _bed.Runner(scanner, logger: log).RunOnceAsync(CancellationToken.None);
        var second = await _bed.Runner(scanner, logger: log).RunOnceAsync(CancellationToken.None);

        Assert.Equal(new RunCounts(4, 0, 0, 0, 0), first.Counts);
        Assert.Equal(new RunCounts(0, 4, 0, 0, 0), second.Counts);
        var future = log.Entries.Where(e => e.Event.Name == "FutureModificationTime").ToList();
        Assert.Equal(4, future.Count);
        Assert.All(future, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Equal(["bayingol-2023.txt", "kizilsu-2025.txt", "shanshan-2024.txt", "tekes-2023.txt"], future.Select(e => (string)e.Fields["Path"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_removed_from_the_inbox_leaves_the_merged_dataset()
    {
        await _bed.RunAsync();
        File.Delete(Path.Combine(_bed.Inbox, "tekes-2023.txt"));

        var run = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 3, 0, 0, 1), run.Counts);
        Assert.DoesNotContain("tekes-2023", WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")));
        Assert.False(File.Exists(Path.Combine(_bed.Current, "json", "tekes-2023.json")));
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_pass_with_nothing_new_leaves_the_merged_files_alone_and_a_change_rebuilds_them()
    {
        // a build that does not know its commit (no .git, no -p:SourceRevisionId) stamps nothing and always rebuilds
        var stamped = Generator.Current.Commit != Generator.UnknownCommit;
        await _bed.RunAsync();
        var stamp = Path.Combine(_bed.Current, DatasetStamp.FileName);
        Assert.Equal(stamped, File.Exists(stamp));
        // a mark the worker would overwrite if it rebuilt the file
        var lineItems = Path.Combine(_bed.Current, "line_items.csv");
        File.WriteAllText(lineItems, "untouched\n");

        var quiet = await _bed.RunAsync();

        Assert.Equal(new RunCounts(0, 4, 0, 0, 0), quiet.Counts);
        Assert.Equal(stamped, File.ReadAllText(lineItems) == "untouched\n");

        File.AppendAllText(Path.Combine(_bed.Inbox, "tekes-2023.txt"), "\n附件：无\n", Encoding.UTF8);
        var changed = await _bed.RunAsync();

        Assert.Equal(new RunCounts(1, 3, 0, 0, 0), changed.Counts);
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_merged_file_gone_or_the_stamp_gone_makes_the_next_pass_rebuild_the_dataset()
    {
        await _bed.RunAsync();
        File.Delete(Path.Combine(_bed.Current, "findings.csv"));
        File.WriteAllText(Path.Combine(_bed.Current, "line_items.csv"), "stale\n");

        await _bed.RunAsync();

        AssertMergedEqualsFreshConvert();

        File.WriteAllText(Path.Combine(_bed.Current, "line_items.csv"), "stale\n");
        File.Delete(Path.Combine(_bed.Current, DatasetStamp.FileName));

        await _bed.RunAsync();

        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_removed_file_changes_the_stamp_and_the_dataset_is_rebuilt_without_it()
    {
        var stamp = Path.Combine(_bed.Current, DatasetStamp.FileName);
        await _bed.RunAsync();
        var before = File.Exists(stamp) ? File.ReadAllText(stamp) : null;
        File.Delete(Path.Combine(_bed.Inbox, "kizilsu-2025.txt"));

        await _bed.RunAsync();

        Assert.True(before is null || before != File.ReadAllText(stamp));
        Assert.DoesNotContain("kizilsu-2025", WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")));
        AssertMergedEqualsFreshConvert();
    }

    [Fact]
    public async Task A_second_worker_on_the_same_state_refuses_to_run()
    {
        using var held = WorkerLock.TryAcquire(_bed.StatePath, out _);
        Assert.NotNull(held);

        var run = await _bed.RunAsync();

        Assert.Equal(RunOutcome.Locked, run.Outcome);
        Assert.Contains($"pid {Environment.ProcessId}", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Locked, NightlyService.ExitCodeOf(run));
        Assert.False(File.Exists(Path.Combine(_bed.Current, "documents.csv")));
        Assert.False(File.Exists(_bed.StatePath));
    }

    [Fact]
    public async Task A_missing_inbox_fails_the_run_without_marking_files_removed()
    {
        await _bed.RunAsync();
        Directory.Move(_bed.Inbox, _bed.Inbox + "-away");

        var run = await _bed.RunAsync();

        Assert.Equal(RunOutcome.Failed, run.Outcome);
        Assert.Equal(ExitCodes.RunFailed, NightlyService.ExitCodeOf(run));
        Assert.Equal("failed", _bed.Runs()[^1].Status);
        Assert.Equal(4, WorkerTestbed.Ids(Path.Combine(_bed.Current, "documents.csv")).Count);
    }

    private void AssertMergedEqualsFreshConvert()
    {
        var fresh = _bed.FreshConvert();
        foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv" })
        {
            var merged = WorkerTestbed.CsvLines(Path.Combine(_bed.Current, name));
            Assert.Equal(merged.Length, merged.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(WorkerTestbed.CsvLines(Path.Combine(fresh, name)), merged);
        }

        Assert.Equal(
            Directory.GetFiles(Path.Combine(fresh, "json")).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(_bed.Current, "json")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
