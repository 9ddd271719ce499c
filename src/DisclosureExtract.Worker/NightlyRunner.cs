using System.Globalization;
using System.Security.Cryptography;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker;

/// <summary>How a pass ended.</summary>
public enum RunOutcome
{
    /// <summary>Every settled file is converted or unchanged (some may have failed: see the counts).</summary>
    Completed,

    /// <summary>Another worker holds the state; nothing was done.</summary>
    Locked,

    /// <summary>The run could not go on (for example the inbox is gone); recorded with its error.</summary>
    Failed,
}

/// <summary>The per-run summary, as logged and written to the run folder's summary.json.</summary>
public sealed record RunSummary(RunOutcome Outcome, long RunId, string RunFolder, RunCounts Counts, TimeSpan Took, string? Error)
{
    public static RunSummary LockedBy(string holder) => new(RunOutcome.Locked, 0, string.Empty, new RunCounts(0, 0, 0, 0, 0), TimeSpan.Zero, holder);
}

/// <summary>Called after each file is recorded; tests use it to inject a fault or a cancellation mid-run.</summary>
public interface IRunObserver
{
    void FileRecorded(string relativePath, ConversionResult result);
}

/// <summary>
/// One pass of the nightly job: under the lock, scan the inbox, convert files that are new or whose SHA-256 changed
/// (with the library's <see cref="DisclosurePipeline"/>), write each document's files into the dated run folder and
/// record it in the state database (one transaction per file), then publish the merged dataset and the run's CSVs.
/// </summary>
public sealed class NightlyRunner
{
    private readonly WorkerOptions _options;
    private readonly DisclosurePipeline _pipeline;
    private readonly InboxScanner _scanner;
    private readonly TimeProvider _clock;
    private readonly ILogger<NightlyRunner> _logger;
    private readonly IRunObserver? _observer;

    public NightlyRunner(IOptions<WorkerOptions> options, DisclosurePipeline pipeline, InboxScanner scanner, TimeProvider clock, ILogger<NightlyRunner> logger, IRunObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _pipeline = pipeline;
        _scanner = scanner;
        _clock = clock;
        _logger = logger;
        _observer = observer;
    }

    public string OutputRoot => Path.GetFullPath(_options.Output);

    public async Task<RunSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var statePath = _options.StatePath;
        using var held = WorkerLock.TryAcquire(statePath, out var holder);
        if (held is null)
        {
            Log.Locked(_logger, statePath, holder);
            return RunSummary.LockedBy(holder);
        }

        using var store = StateStore.Open(statePath);
        var publisher = new DatasetPublisher(_logger);
        CloseInterruptedRuns(store);

        var started = _clock.GetUtcNow();
        var startTicks = _clock.GetTimestamp();
        var inbox = Path.GetFullPath(_options.Inbox);
        var (runId, folder) = store.StartRun(started, inbox, id => Path.Combine("runs",
            string.Create(CultureInfo.InvariantCulture, $"{started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{id:D4}")).Replace('\\', '/'));
        var runDir = Path.Combine(OutputRoot, folder);
        Directory.CreateDirectory(runDir);
        Log.RunStarted(_logger, runId, inbox, runDir);

        InboxScan scan;
        try
        {
            scan = await _scanner.ScanAsync(inbox, _options.SettleDelay, _options.MinFileAge, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryNotFoundException ex)
        {
            var failed = new RunSummary(RunOutcome.Failed, runId, runDir, new RunCounts(0, 0, 0, 0, 0), _clock.GetElapsedTime(startTicks), ex.Message);
            Finish(store, failed, "failed");
            return failed;
        }

        int converted = 0, unchanged = 0, failedCount = 0, skipped = 0;
        var seen = new List<string>();
        foreach (var s in scan.Skipped)
        {
            skipped++;
            Log.Skipped(_logger, s.Path, s.Reason);
        }

        foreach (var f in scan.Unsettled)
        {
            skipped++;
            seen.Add(f.RelativePath);
            Log.Skipped(_logger, f.RelativePath, "still being copied (size or modification time changing); left for the next pass");
        }

        var current = store.CurrentFiles();
        var jobs = Math.Max(1, _options.Jobs);

        // Up to `jobs` conversions run at once; their results are recorded one at a time in inbox order, so the
        // state database and the run folder do not depend on the number of jobs.
        var pending = new Queue<(InboxFile File, string Sha, Task<(ConversionResult, VersionRows?)> Conversion)>();

        // On the conversion's thread (one of `jobs`): the document's files are written into the run folder and its rows
        // prepared for the state, so that recording, one file at a time in inbox order, is only the database's writes.
        // A file whose content changed while it was read gets neither (it is left for the next pass), nor does one
        // converted after the pass was cancelled (it is not recorded: the next pass converts it).
        (ConversionResult, VersionRows?) ConvertAndWrite(InputFile input, string sha)
        {
            var result = _pipeline.Convert(input);
            if (ChangedWhileRead(result, sha) || cancellationToken.IsCancellationRequested)
            {
                return (result, null);
            }

            OutputWriter.WriteDocumentFiles(runDir, result);
            return (result, VersionRows.Of(result));
        }

        void Record(InboxFile file, string sha, (ConversionResult Result, VersionRows? Rows) conversion)
        {
            var (result, rows) = conversion;
            var rel = file.RelativePath;
            if (ChangedWhileRead(result, sha))
            {
                skipped++;
                seen.Add(rel);
                Log.Skipped(_logger, rel, "changed while being read; left for the next pass");
                return;
            }

            if (rows is null)
            {
                return; // converted after the pass was cancelled: the cancellation ends the pass right after this
            }

            store.RecordVersion(runId, new NewVersion(rel, sha, file.Size, _clock.GetUtcNow(), folder, result, rows));
            if (result.Status == ConversionStatus.Failed)
            {
                failedCount++;
                Log.Failed(_logger, rel, result.DocumentId, result.Error);
            }
            else
            {
                converted++;
                Log.Converted(_logger, rel, result.DocumentId, ConversionResult.StatusKey(result.Status), result.Tables.Count, result.Findings.Count);
            }

            _observer?.FileRecorded(rel, result);
        }

        void StopIfCancelled()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                store.MarkSeen(seen, runId);
                store.MarkRunInterrupted(runId, _clock.GetUtcNow(), "cancelled");
                Log.Cancelled(_logger, runId, converted + failedCount);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        foreach (var file in scan.Ready)
        {
            StopIfCancelled();
            var rel = file.RelativePath;
            string sha;
            try
            {
                sha = HashFile(file.Input.Path);
            }
            catch (IOException ex)
            {
                skipped++;
                seen.Add(rel);
                Log.Skipped(_logger, rel, $"cannot read: {ex.Message}");
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                skipped++;
                seen.Add(rel);
                Log.Skipped(_logger, rel, "permission denied");
                continue;
            }

            if (current.TryGetValue(rel, out var cur) && cur.Sha256 == sha && cur.DocumentId == file.Input.DocumentId)
            {
                unchanged++;
                seen.Add(rel);
                Log.Unchanged(_logger, rel, sha);
                continue;
            }

            if (store.FindVersion(rel, sha, file.Input.DocumentId) is { } earlier)
            {
                if (store.VersionOutputs(earlier) is not { } earlierFolder || !Directory.Exists(Path.Combine(OutputRoot, earlierFolder)))
                {
                    // its run folder was removed (Worker:RunRetention): write its files anew into this run's folder
                    // (the same content converts to the same files) and point the version there
                    OutputWriter.WriteDocumentFiles(runDir, _pipeline.Convert(file.Input));
                    store.MoveVersionOutputs(earlier, folder);
                }

                store.ReuseVersion(rel, earlier, runId);
                unchanged++;
                Log.Reused(_logger, rel, earlier);
                continue;
            }

            while (pending.Count >= jobs)
            {
                var (f, h, conversion) = pending.Dequeue();
                Record(f, h, await conversion.ConfigureAwait(false));
                StopIfCancelled();
            }

            var input = file.Input;
            pending.Enqueue((file, sha, jobs == 1 ? Task.FromResult(ConvertAndWrite(input, sha)) : Task.Run(() => ConvertAndWrite(input, sha), CancellationToken.None)));
        }

        while (pending.Count > 0)
        {
            var (f, h, conversion) = pending.Dequeue();
            Record(f, h, await conversion.ConfigureAwait(false));
            StopIfCancelled();
        }

        store.MarkSeen(seen, runId);
        var removed = store.MarkRemoved(runId);
        publisher.Publish(store, OutputRoot, jobs);
        DatasetPublisher.WriteRunTables(store, runDir, runId, jobs);
        var summary = new RunSummary(RunOutcome.Completed, runId, runDir, new RunCounts(converted, unchanged, failedCount, skipped, removed), _clock.GetElapsedTime(startTicks), null);
        Finish(store, summary, "completed");
        RemoveOldRunFolders(store, runId);
        return summary;
    }

    /// <summary>Removes the folders of finished runs started longer ago than <see cref="WorkerOptions.RunRetention"/>,
    /// keeping those that hold a current version's files (current/ takes its files from them: links or copies) and this run's.</summary>
    private void RemoveOldRunFolders(StateStore store, long thisRun)
    {
        if (_options.RunRetention is not { } retention || retention <= TimeSpan.Zero)
        {
            return;
        }

        var cutoff = _clock.GetUtcNow() - retention;
        var inUse = store.FoldersInUse();
        var runsRoot = Path.Combine(OutputRoot, "runs");
        foreach (var run in store.AllRuns())
        {
            if (run.RunId == thisRun || run.EndedAt is null || run.StartedAt >= cutoff || inUse.Contains(run.Folder))
            {
                continue;
            }

            var dir = Path.GetFullPath(Path.Combine(OutputRoot, run.Folder));
            if (!WorkerOptionsValidator.IsInside(dir, runsRoot) || !Directory.Exists(dir))
            {
                continue;
            }

            Directory.Delete(dir, recursive: true);
            Log.RunFolderRemoved(_logger, run.Folder, run.RunId, run.StartedAt, retention);
        }
    }

    /// <summary>A run killed or cancelled before its end: write its run folder's CSVs from what it recorded.</summary>
    private void CloseInterruptedRuns(StateStore store)
    {
        foreach (var run in store.UnfinishedRuns())
        {
            var (converted, failed) = store.VersionCounts(run.RunId);
            DatasetPublisher.WriteRunTables(store, Path.Combine(OutputRoot, run.Folder), run.RunId);
            store.CloseInterruptedRun(run.RunId, new RunCounts(converted, 0, failed, 0, 0));
            Log.RecoveredRun(_logger, run.RunId, converted + failed);
        }
    }

    private void Finish(StateStore store, RunSummary summary, string status)
    {
        var c = summary.Counts;
        store.FinishRun(summary.RunId, status, _clock.GetUtcNow(), summary.Took, c, summary.Error);
        AtomicFile.Write(Path.Combine(summary.RunFolder, "summary.json"), stream => RunSummaryJson.Write(stream, summary, status, Path.GetFullPath(_options.Inbox)));
        if (summary.Error is not null)
        {
            Log.RunFailed(_logger, new InvalidOperationException(summary.Error), summary.Error);
        }

        Log.RunSummary(_logger, summary.RunId, status, (long)summary.Took.TotalMilliseconds, c.Converted, c.Unchanged, c.Failed, c.Skipped, c.Removed, summary.RunFolder);
    }

    /// <summary>The reader hashed other bytes than the pass did: the file changed between the two.</summary>
    private static bool ChangedWhileRead(ConversionResult result, string sha) => result.Sha256 is not null && result.Sha256 != sha;

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
