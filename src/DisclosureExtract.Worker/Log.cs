using Microsoft.Extensions.Logging;

namespace DisclosureExtract.Worker;

/// <summary>The worker's log messages, with structured fields (source-generated, no boxing or parsing at run time).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Run {RunId} started: inbox {Inbox}, output {RunFolder}")]
    public static partial void RunStarted(ILogger logger, long runId, string inbox, string runFolder);

    [LoggerMessage(2, LogLevel.Information, "Converted {Path} as {DocumentId}: {Status}, {Tables} tables, {Findings} findings")]
    public static partial void Converted(ILogger logger, string path, string documentId, string status, int tables, int findings);

    [LoggerMessage(3, LogLevel.Warning, "Failed {Path} as {DocumentId}: {Error}")]
    public static partial void Failed(ILogger logger, string path, string documentId, string? error);

    [LoggerMessage(4, LogLevel.Debug, "Unchanged {Path} ({Sha256})")]
    public static partial void Unchanged(ILogger logger, string path, string sha256);

    [LoggerMessage(5, LogLevel.Information, "Skipped {Path}: {Reason}")]
    public static partial void Skipped(ILogger logger, string path, string reason);

    [LoggerMessage(6, LogLevel.Information, "Changed back {Path}: content already converted as version {VersionId}")]
    public static partial void Reused(ILogger logger, string path, long versionId);

    [LoggerMessage(7, LogLevel.Information,
        "Run {RunId} {Status} in {ElapsedMs} ms: {Converted} converted, {Unchanged} unchanged, {Failed} failed, {Skipped} skipped, {Removed} removed; outputs in {RunFolder}")]
    public static partial void RunSummary(ILogger logger, long runId, string status, long elapsedMs, int converted, int unchanged, int failed, int skipped, int removed, string runFolder);

    [LoggerMessage(8, LogLevel.Warning, "Run {RunId} was interrupted; wrote its run folder's tables from the {Versions} files it had finished")]
    public static partial void RecoveredRun(ILogger logger, long runId, int versions);

    [LoggerMessage(9, LogLevel.Warning, "The per-document files of {DocumentId} are missing from {Folder}; current/ keeps only its CSV rows")]
    public static partial void MissingOutputs(ILogger logger, string documentId, string folder);

    [LoggerMessage(10, LogLevel.Error, "Another worker holds the state {StatePath}: {Holder}")]
    public static partial void Locked(ILogger logger, string statePath, string holder);

    [LoggerMessage(11, LogLevel.Error, "Run failed: {Error}")]
    public static partial void RunFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(12, LogLevel.Information, "Next run at {NextRun:O}")]
    public static partial void NextRun(ILogger logger, DateTimeOffset nextRun);

    [LoggerMessage(13, LogLevel.Warning, "Run {RunId} cancelled after {Converted} files; the next run finishes the job")]
    public static partial void Cancelled(ILogger logger, long runId, int converted);

    [LoggerMessage(14, LogLevel.Information, "Published the merged dataset: {Documents} documents in {CurrentFolder}")]
    public static partial void Published(ILogger logger, int documents, string currentFolder);

    [LoggerMessage(18, LogLevel.Information, "The merged dataset is current: {Documents} documents in {CurrentFolder}, nothing new to merge")]
    public static partial void DatasetUnchanged(ILogger logger, int documents, string currentFolder);

    [LoggerMessage(19, LogLevel.Information, "Rendered the CSV records of {Versions} current versions recorded before the state kept them (from their rows, now dropped); later passes copy them")]
    public static partial void StoredCsv(ILogger logger, int versions);

    [LoggerMessage(15, LogLevel.Warning, "Cannot watch the inbox ({Reason}); passes run on the schedule only")]
    public static partial void WatchUnavailable(ILogger logger, string reason);

    [LoggerMessage(16, LogLevel.Warning,
        "{Path} was modified in the future ({LastWriteUtc:O}, clock {Now:O}): clock skew or times kept from an archive; treated as settled")]
    public static partial void FutureModificationTime(ILogger logger, string path, DateTime lastWriteUtc, DateTime now);

    [LoggerMessage(17, LogLevel.Information, "Removed run folder {Folder} of run {RunId} (started {StartedAt:O}, older than the retention of {Retention})")]
    public static partial void RunFolderRemoved(ILogger logger, string folder, long runId, DateTimeOffset startedAt, TimeSpan retention);
}
