using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Worker.Tests;

/// <summary>The worker's JSON is generated at build time (the Native AOT binary cannot serialize by reflection); it must be
/// the text the reflection-based serializer writes, and state databases written before still read.</summary>
public sealed class StateJsonTests
{
    private static IEnumerable<object> RowsOf(ConversionResult r) =>
        new object[] { OutputRows.Document(r) }
            .Concat(OutputRows.LineItems(r)).Concat(OutputRows.Findings(r))
            .Concat(ExplanationRows.Projects(r)).Concat(ExplanationRows.Explanations(r)).Concat(ExplanationRows.Indicators(r));

    [Fact]
    public void Every_stored_row_is_written_as_the_reflection_serializer_writes_it_and_reads_back_equal()
    {
        var pipeline = new DisclosurePipeline();
        var files = Directory.GetFiles(WorkerTestbed.Corpus("text"), "*.txt")
            .Append(WorkerTestbed.Corpus("pdf", "shanghai_putuo_planning_2024_final_accounts.pdf"));
        var types = new HashSet<Type>();
        using var writer = new StateRowWriter();
#pragma warning disable IL2026, IL3050 // the reflection-based serializer, as the reference (tests run with a JIT)
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var file in files)
        {
            var result = pipeline.Convert(new InputFile(file, Path.GetFileNameWithoutExtension(file)), File.ReadAllBytes(file));
            foreach (var row in RowsOf(result))
            {
                types.Add(row.GetType());
                var json = writer.Write(row);
                Assert.Equal(JsonSerializer.Serialize(row, row.GetType(), relaxed), json);
                Assert.Equal(row, StateRowJson.Read(Encoding.UTF8.GetBytes(json), row.GetType()));
                // as rows were stored before 2026-12-06 (Chinese text \u-escaped): still read the same
                var former = JsonSerializer.Serialize(row, row.GetType());
                Assert.Equal(row, StateRowJson.Read(Encoding.UTF8.GetBytes(former), row.GetType()));
            }
        }
#pragma warning restore IL2026, IL3050

        Assert.Equal(6, types.Count); // each row type of the state met at least once
    }

    [Fact]
    public void Chinese_text_is_stored_as_utf8_not_escaped()
    {
        using var writer = new StateRowWriter();
        var row = OutputRows.Document(new DisclosurePipeline().Convert(new InputFile(WorkerTestbed.Corpus("text", "tekes-2023.txt"), "tekes-2023")));

        var json = writer.Write(row);

        Assert.Contains("特克斯", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_type_the_state_keeps_has_generated_json()
    {
        // a new long table (CsvTables.PerRow) whose row type is not in the context would fail only in the native binary
        foreach (var type in CsvTables.PerRow.Select(t => t.RowType).Append(typeof(DocumentRow)))
        {
            Assert.True(StateRowJson.Default.GetTypeInfo(type) is not null, $"{type.Name} is not in StateRowJson");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("收件箱不存在: /data/预算公开")]
    public void A_run_summary_is_the_json_the_reflection_serializer_wrote(string? error)
    {
        var summary = new RunSummary(RunOutcome.Completed, 12, "/runs/x", new RunCounts(3, 4, 1, 2, 0), TimeSpan.FromMilliseconds(1234.9), error);
        using var written = new MemoryStream();
        RunSummaryJson.Write(written, summary, "completed", "/data/预算公开/inbox");

        using var former = new MemoryStream();
#pragma warning disable IL2026, IL3050 // the former reflection-based serializer, as the reference
        JsonSerializer.Serialize(former, new
        {
            run_id = summary.RunId,
            status = "completed",
            inbox = "/data/预算公开/inbox",
            converted = 3,
            unchanged = 4,
            failed = 1,
            skipped = 2,
            removed = 0,
            took_ms = 1234L,
            error,
        }, JsonOutput.Options);
#pragma warning restore IL2026, IL3050

        Assert.Equal(Encoding.UTF8.GetString(former.ToArray()), Encoding.UTF8.GetString(written.ToArray()));
        Assert.Contains("预算公开", Encoding.UTF8.GetString(written.ToArray()), StringComparison.Ordinal);
    }
}
