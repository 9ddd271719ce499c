namespace DisclosureExtract.Worker;

/// <summary>Wakes the service when files are created, changed or renamed in the inbox, once they have been quiet for the settle delay.</summary>
public sealed class InboxWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly SemaphoreSlim _signal = new(0);

    public InboxWatcher(string inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        _watcher = new FileSystemWatcher(Path.GetFullPath(inbox))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
        };
        _watcher.Created += (_, _) => Signal();
        _watcher.Changed += (_, _) => Signal();
        _watcher.Renamed += (_, _) => Signal();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Returns when the schedule is due, or when a change was followed by <paramref name="quiet"/> without another.</summary>
    public async Task WaitAsync(TimeSpan untilSchedule, TimeSpan quiet, CancellationToken cancellationToken)
    {
        if (untilSchedule <= TimeSpan.Zero || !await _signal.WaitAsync(untilSchedule, cancellationToken).ConfigureAwait(false))
        {
            return; // the schedule is due
        }

        // A change: wait until the inbox has been quiet for the settle delay, so a copy in progress is not half seen.
        var quietFor = quiet > TimeSpan.Zero ? quiet : TimeSpan.FromSeconds(1);
        while (await _signal.WaitAsync(quietFor, cancellationToken).ConfigureAwait(false))
        {
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _signal.Dispose();
    }

    private void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }
}
