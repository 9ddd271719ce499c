using System.Collections.Concurrent;
using DisclosureExtract.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DisclosureExtract.Worker;

/// <summary>A file found in the inbox, with its path relative to the inbox ('/' separators) — the key in the state database.</summary>
public sealed record InboxFile(InputFile Input, string RelativePath, long Size, DateTime LastWriteUtc);

/// <summary>A file left for the next pass, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>The inbox as one pass sees it: files settled enough to read, and files left alone.</summary>
public sealed record InboxScan(IReadOnlyList<InboxFile> Ready, IReadOnlyList<InboxFile> Unsettled, IReadOnlyList<SkippedFile> Skipped);

/// <summary>
/// Lists the inbox with the library's <see cref="InputDiscovery"/> (same files and document ids as <c>convert</c>),
/// then leaves out files that are still being copied: whose size or modification time changed between two looks
/// <c>settleDelay</c> apart, or (only when MinFileAge is above zero) modified less than MinFileAge ago by the clock.
/// A modification time in the future (clock skew with a file server, an archive extracted with its original times)
/// says nothing about copying: such a file is settled, and logged once.
/// </summary>
public sealed class InboxScanner
{
    private readonly TimeProvider _clock;
    private readonly Func<TimeSpan, CancellationToken, Task> _wait;
    private readonly ILogger _logger;

    /// <summary>Files already logged as modified in the future, with the time they had: each is logged once.</summary>
    private readonly ConcurrentDictionary<string, DateTime> _futureLogged = new(StringComparer.Ordinal);

    /// <param name="clock">The clock that says how old a file is.</param>
    /// <param name="wait">How to wait between the two looks; tests pass one that changes a file meanwhile.</param>
    /// <param name="logger">Where a future modification time is reported.</param>
    public InboxScanner(TimeProvider clock, Func<TimeSpan, CancellationToken, Task>? wait = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _wait = wait ?? ((delay, ct) => Task.Delay(delay, clock, ct));
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<InboxScan> ScanAsync(string inbox, TimeSpan settleDelay, TimeSpan minFileAge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        var root = Path.GetFullPath(inbox);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the inbox {inbox} is not there (unmounted?); nothing was converted or marked removed");
        }

        var discovered = InputDiscovery.Discover([root]);
        var inputs = discovered.Where(f => f.SkipReason is null).ToList();
        var skipped = discovered.Where(f => f.SkipReason is not null).Select(s => new SkippedFile(s.Path, s.SkipReason!)).ToList();
        var first = new List<InboxFile>();
        foreach (var input in inputs)
        {
            if (Look(root, input) is { } f)
            {
                first.Add(f);
            }
            else
            {
                skipped.Add(new SkippedFile(input.Path, "vanished while the inbox was listed"));
            }
        }

        var unsettled = new List<InboxFile>();
        var now = _clock.GetUtcNow().UtcDateTime;
        var candidates = new List<InboxFile>();
        foreach (var f in first)
        {
            var age = now - f.LastWriteUtc;
            if (age < TimeSpan.Zero)
            {
                LogFutureOnce(f, now);
                candidates.Add(f);
            }
            else if (minFileAge > TimeSpan.Zero && age < minFileAge)
            {
                unsettled.Add(f);
            }
            else
            {
                candidates.Add(f);
            }
        }

        if (settleDelay > TimeSpan.Zero && candidates.Count > 0)
        {
            await _wait(settleDelay, cancellationToken).ConfigureAwait(false);
        }

        var ready = new List<InboxFile>();
        foreach (var f in candidates)
        {
            var again = settleDelay > TimeSpan.Zero ? Look(root, f.Input) : f;
            if (again is null)
            {
                skipped.Add(new SkippedFile(f.Input.Path, "vanished while the inbox was listed"));
            }
            else if (again.Size != f.Size || again.LastWriteUtc != f.LastWriteUtc)
            {
                unsettled.Add(again);
            }
            else
            {
                ready.Add(again);
            }
        }

        return new InboxScan(ready, unsettled, skipped);
    }

    public static string RelativeKey(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
    }

    private void LogFutureOnce(InboxFile f, DateTime now)
    {
        if (_futureLogged.TryGetValue(f.RelativePath, out var logged) && logged == f.LastWriteUtc)
        {
            return;
        }

        _futureLogged[f.RelativePath] = f.LastWriteUtc;
        Log.FutureModificationTime(_logger, f.RelativePath, f.LastWriteUtc, now);
    }

    private static InboxFile? Look(string root, InputFile input)
    {
        var info = new FileInfo(input.Path);
        if (!info.Exists)
        {
            return null;
        }

        return new InboxFile(input, RelativeKey(root, input.Path), info.Length, info.LastWriteTimeUtc);
    }
}
