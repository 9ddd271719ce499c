using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker;

/// <summary>Process exit codes of the worker.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int InvalidSettings = 2;
    public const int Locked = 3;
    public const int RunFailed = 4;
}

/// <summary>
/// The hosted service. With Once it runs one pass and stops the host (cron, a systemd timer); otherwise it runs a
/// pass at start and then on the schedule, and, with WatchInbox, soon after files arrive in the inbox.
/// </summary>
public sealed class NightlyService : BackgroundService
{
    private readonly NightlyRunner _runner;
    private readonly WorkerOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _clock;
    private readonly ILogger<NightlyService> _logger;

    public NightlyService(NightlyRunner runner, IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<NightlyService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner;
        _options = options.Value;
        _lifetime = lifetime;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The last pass's summary (for tests and diagnostics).</summary>
    public RunSummary? LastRun { get; private set; }

    /// <summary>The process exit code after a run-once pass (see <see cref="ExitCodes"/>); Program returns it.</summary>
    public int ExitCode { get; private set; } = ExitCodes.Ok;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Once)
        {
            try
            {
                ExitCode = ExitCodeOf(await RunPassAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                ExitCode = ExitCodes.RunFailed;
            }
            finally
            {
                _lifetime.StopApplication();
            }

            return;
        }

        using var watcher = _options.WatchInbox ? StartWatcher() : null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var startedAt = _clock.GetUtcNow();
            try
            {
                await RunPassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var next = Schedule.Next(startedAt, _options.DailyTime, _options.Interval, TimeZoneInfo.Local);
            var wait = next - _clock.GetUtcNow();
            Log.NextRun(_logger, next);
            try
            {
                if (watcher is null)
                {
                    await Task.Delay(Max(wait, TimeSpan.Zero), _clock, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await watcher.WaitAsync(Max(wait, TimeSpan.Zero), _options.SettleDelay, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private InboxWatcher? StartWatcher()
    {
        try
        {
            return new InboxWatcher(_options.Inbox);
        }
        catch (IOException ex)
        {
            // For example the inotify instance limit: the schedule still runs.
            Log.WatchUnavailable(_logger, ex.Message);
            return null;
        }
    }

    private async Task<RunSummary?> RunPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            LastRun = await _runner.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            return LastRun;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a failed pass is logged and recorded; the service goes on to the next one
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RunFailed(_logger, ex, ex.Message);
            return null;
        }
    }

    internal static int ExitCodeOf(RunSummary? summary) => summary switch
    {
        null => ExitCodes.RunFailed,
        { Outcome: RunOutcome.Locked } => ExitCodes.Locked,
        { Outcome: RunOutcome.Failed } => ExitCodes.RunFailed,
        { Counts.Failed: > 0 } => ExitCodes.SomeFailed,
        _ => ExitCodes.Ok,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
