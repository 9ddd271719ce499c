using Microsoft.Extensions.Logging;

namespace DisclosureExtract.Worker.Tests;

/// <summary>Keeps every log entry with its structured fields.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, EventId Event, IReadOnlyDictionary<string, object?> Fields, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var fields = state is IEnumerable<KeyValuePair<string, object?>> kv ? kv.ToDictionary(p => p.Key, p => p.Value) : [];
        lock (Entries)
        {
            Entries.Add((logLevel, eventId, fields, formatter(state, exception)));
        }
    }
}

public sealed class RunLogTests
{
    [Fact]
    public async Task Each_file_and_the_run_summary_are_logged_with_structured_fields()
    {
        using var bed = new WorkerTestbed();
        File.WriteAllBytes(Path.Combine(bed.Inbox, "junk.txt"), [0, 1, 2, 0xFF, 0]);
        var log = new ListLogger<NightlyRunner>();

        await bed.Runner(logger: log).RunOnceAsync(CancellationToken.None);

        var summary = Assert.Single(log.Entries, e => e.Event.Name == "RunSummary");
        Assert.Equal(4, summary.Fields["Converted"]);
        Assert.Equal(0, summary.Fields["Unchanged"]);
        Assert.Equal(1, summary.Fields["Failed"]);
        Assert.Equal(0, summary.Fields["Skipped"]);
        Assert.Equal("completed", summary.Fields["Status"]);
        Assert.True(summary.Fields.ContainsKey("ElapsedMs"));
        var failed = Assert.Single(log.Entries, e => e.Event.Name == "Failed");
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Equal("junk.txt", failed.Fields["Path"]);
        Assert.Equal("binary data, not a text document", failed.Fields["Error"]);
        Assert.Equal(4, log.Entries.Count(e => e.Event.Name == "Converted"));
    }
}
