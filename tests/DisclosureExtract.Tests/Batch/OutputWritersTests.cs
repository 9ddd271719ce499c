using System.Globalization;
using System.Text;
using CsvHelper;
using DisclosureExtract.Export;
using DisclosureExtract.Model;

namespace DisclosureExtract.Tests.Batch;

/// <summary>The reusable writers behind a batch's files write exactly what CsvHelper and System.Text.Json would.</summary>
public class OutputWritersTests
{
    private sealed record Awkward(string document_id, int seq, string? note, string text);

    private sealed record WithDecimal(string document_id, decimal amount);

    [Fact]
    public void Row_fields_give_the_same_CSV_as_CsvHelper_records_for_awkward_text()
    {
        Awkward[] rows =
        [
            new("a,b", 1, null, "say \"hi\""),
            new(" lead", -2, "x\r\ny", "尾 "),
            new("", 0, "", "=1+2"),
            new("lf", 3, "line\nfeed", "cr\ronly"),
        ];
        var table = new CsvTable("awkward.csv", typeof(Awkward), _ => rows);

        var ours = Encoding.UTF8.GetString(new RowFragmentWriter().Render(table, ConversionResult.Failure("d", "d.txt", null, null, "x")).Span);

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CsvOutput.Config))
        {
            csv.WriteRecords(rows);
        }

        var expected = text.ToString();
        Assert.Equal(expected[(expected.IndexOf("\r\n", StringComparison.Ordinal) + 2)..], ours);
        Assert.Equal(expected[..(expected.IndexOf("\r\n", StringComparison.Ordinal) + 2)], Encoding.UTF8.GetString(RowFragmentWriter.Header(typeof(Awkward)).Span));

        // a lone line feed or carriage return is quoted, so the row stays one record in a spreadsheet
        Assert.Contains("lf,3,\"line\nfeed\",\"cr\ronly\"\r\n", ours, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("", false)]
    [InlineData("中文，全角逗号", false)]
    [InlineData("a,b", true)]
    [InlineData("say \"hi\"", true)]
    [InlineData(" lead", true)]
    [InlineData("trail ", true)]
    [InlineData("a\nb", true)]
    [InlineData("a\rb", true)]
    public void Fields_are_quoted_exactly_when_a_spreadsheet_needs_it(string field, bool quoted)
    {
        Assert.Equal(quoted, CsvOutput.NeedsQuotes(field));
    }

    [Fact]
    public void A_row_field_of_a_type_without_a_chosen_format_is_refused()
    {
        var ex = Assert.Throws<NotSupportedException>(() => RowFields.Of(typeof(WithDecimal)));
        Assert.Contains("amount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_JSON_writer_writes_what_the_reflection_serializer_writes()
    {
        var pipeline = new DisclosureExtract.Pipeline.DisclosurePipeline();
        var path = TestPaths.Corpus("text", "tekes-2023.txt");
        var result = pipeline.Convert(new DisclosureExtract.Pipeline.InputFile(path, "tekes-2023"));

        var generated = new DocumentFileWriter().RenderJson(result).ToArray();
        var reflection = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(JsonOutput.ToJson(result), JsonOutput.Options);

        Assert.True(generated.Length > 100_000);
        Assert.Equal(Encoding.UTF8.GetString(reflection), Encoding.UTF8.GetString(generated));
    }

    [Fact]
    public void The_tables_and_parts_are_written_by_the_generated_fast_path()
    {
        // System.Text.Json uses the generated writers only when the options hold no converter; with one it falls back
        // to the metadata walk for every type (same bytes, slower), so nothing but this test would notice.
        var context = JsonOutputContext.Default;
        Assert.Empty(context.Options.Converters);
        Assert.NotNull(context.TableJson.SerializeHandler);
        Assert.NotNull(context.RowJson.SerializeHandler);
        Assert.NotNull(context.ValueJson.SerializeHandler);
        Assert.NotNull(context.PartJson.SerializeHandler);
        Assert.NotNull(context.ExplanationJson.SerializeHandler);
    }

    [Fact]
    public void Rows_spooled_by_several_threads_come_out_in_document_id_order()
    {
        var dir = TestPaths.TempDir();
        try
        {
            var results = Directory.GetFiles(TestPaths.Corpus("text"), "*.txt").Order(StringComparer.Ordinal)
                .Select(f => new DisclosureExtract.Pipeline.DisclosurePipeline().Convert(new DisclosureExtract.Pipeline.InputFile(f, Path.GetFileNameWithoutExtension(f))))
                .ToList();

            // the same documents added in reverse order from four threads, and in order from one
            var parallel = Path.Combine(dir, "parallel");
            using (var output = new BatchOutput(parallel))
            {
                Parallel.ForEach(Enumerable.Reverse(results), new ParallelOptions { MaxDegreeOfParallelism = 4 }, output.Add);
                output.Commit();
            }

            var serial = Path.Combine(dir, "serial");
            OutputWriter.Write(serial, results);

            foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv", "projects.csv", "explanations.csv", "indicators.csv" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(serial, name)), File.ReadAllBytes(Path.Combine(parallel, name)));
            }

            var lineItems = File.ReadAllLines(Path.Combine(serial, "line_items.csv"), Encoding.UTF8).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
            Assert.Equal(results.Select(r => r.DocumentId).ToList(), lineItems);
            Assert.False(Directory.Exists(Path.Combine(serial, ".fragments")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
