using System.Text.Json;
using DisclosureExtract.Export;

namespace DisclosureExtract.Worker;

/// <summary>A run's summary.json: counts and time taken, in the JSON style of the documents (snake_case, indented, Chinese
/// as is, no null members).</summary>
internal static class RunSummaryJson
{
    public static void Write(Stream stream, RunSummary summary, string status, string inbox)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = summary.Counts;
        using var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteNumber("run_id", summary.RunId);
        w.WriteString("status", status);
        w.WriteString("inbox", inbox);
        w.WriteNumber("converted", c.Converted);
        w.WriteNumber("unchanged", c.Unchanged);
        w.WriteNumber("failed", c.Failed);
        w.WriteNumber("skipped", c.Skipped);
        w.WriteNumber("removed", c.Removed);
        w.WriteNumber("took_ms", (long)summary.Took.TotalMilliseconds);
        if (summary.Error is { } error)
        {
            w.WriteString("error", error);
        }

        w.WriteEndObject();
    }
}
