using System.Globalization;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker;

/// <summary>
/// The worker's settings, section "Worker" of appsettings.json, environment variables (Worker__Inbox=…)
/// and the command line (--Worker:Inbox=…). Checked at start by <see cref="WorkerOptionsValidator"/>.
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>The folder of scraped disclosures (searched recursively).</summary>
    public string Inbox { get; set; } = string.Empty;

    /// <summary>The output folder: runs/&lt;dated run&gt;/ and current/ (the merged dataset).</summary>
    public string Output { get; set; } = string.Empty;

    /// <summary>The SQLite state database; default &lt;Output&gt;/state.db.</summary>
    public string? State { get; set; }

    /// <summary>Run one pass and exit (cron, systemd timer); otherwise stay up and run on the schedule.</summary>
    public bool Once { get; set; }

    /// <summary>Local time of day for the daily run ("02:30"); when empty the worker runs every <see cref="Interval"/>.</summary>
    public string? RunAt { get; set; }

    /// <summary>Time between passes when <see cref="RunAt"/> is not set.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Also start a pass when files appear or change in the inbox (after <see cref="SettleDelay"/> of quiet).</summary>
    public bool WatchInbox { get; set; }

    /// <summary>Time between the two looks at a file's size and modification time; a file that changed between them is still being copied.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Files modified more recently than this are left for the next pass.</summary>
    public TimeSpan MinFileAge { get; set; } = TimeSpan.Zero;

    /// <summary>Documents converted at once in a pass (1 = one after another). The state and the run folder are
    /// written in inbox order whatever the number, so the outputs do not depend on it.</summary>
    public int Jobs { get; set; } = 1;

    /// <summary>PDFs read in this many separate processes (unset or 0: in the worker's own): a crash of the PDF
    /// library then costs one file, at ~100 MB a process (README, "PDF reader processes").</summary>
    public int? PdfProcesses { get; set; }

    /// <summary>The reader processes a pass uses: as set, at most one per job.</summary>
    public int PdfReaderProcesses => Math.Min(PdfProcesses ?? 0, Math.Max(1, Jobs));

    /// <summary>Run folders (runs/…) whose run started longer ago than this are removed after a completed pass,
    /// except those that still hold a current document's files; unset or zero keeps every run folder.</summary>
    public TimeSpan? RunRetention { get; set; }

    public string StatePath => Path.GetFullPath(string.IsNullOrWhiteSpace(State) ? Path.Combine(Output, "state.db") : State);

    public TimeOnly? DailyTime => string.IsNullOrWhiteSpace(RunAt)
        ? null
        : TimeOnly.TryParseExact(RunAt.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}

/// <summary>Checks the settings once at start (ValidateOnStart), with messages that name the setting to fix.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Inbox))
        {
            errors.Add("Worker:Inbox is required: the folder of disclosures to convert");
        }
        else if (!Directory.Exists(options.Inbox))
        {
            errors.Add($"Worker:Inbox '{options.Inbox}' is not a folder");
        }

        if (string.IsNullOrWhiteSpace(options.Output))
        {
            errors.Add("Worker:Output is required: the folder for the run folders and the merged dataset");
        }
        else if (!string.IsNullOrWhiteSpace(options.Inbox) && IsInside(Path.GetFullPath(options.Output), Path.GetFullPath(options.Inbox)))
        {
            errors.Add($"Worker:Output '{options.Output}' is inside Worker:Inbox '{options.Inbox}': the worker would convert its own output");
        }

        if (!string.IsNullOrWhiteSpace(options.RunAt) && options.DailyTime is null)
        {
            errors.Add($"Worker:RunAt '{options.RunAt}' is not a time of day such as 02:30");
        }

        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromDays(24))
        {
            errors.Add("Worker:Interval must be between 00:00:01 and 24.00:00:00");
        }

        if (options.SettleDelay < TimeSpan.Zero || options.SettleDelay > TimeSpan.FromHours(1))
        {
            errors.Add("Worker:SettleDelay must be between 00:00:00 and 01:00:00");
        }

        if (options.MinFileAge < TimeSpan.Zero)
        {
            errors.Add("Worker:MinFileAge must not be negative");
        }

        if (options.Jobs < 1 || options.Jobs > 256)
        {
            errors.Add("Worker:Jobs must be between 1 and 256");
        }

        if (options.PdfProcesses is < 0 or > 256)
        {
            errors.Add("Worker:PdfProcesses must be between 0 and 256");
        }

        if (options.RunRetention is { } keep && keep < TimeSpan.Zero)
        {
            errors.Add("Worker:RunRetention must not be negative");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsInside(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal);
    }
}
