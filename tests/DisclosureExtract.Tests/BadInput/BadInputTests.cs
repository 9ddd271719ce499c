using System.Text;
using CsvHelper;
using DisclosureExtract.Cli;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.BadInput;

public class BadInputTests
{
    public static TheoryData<string> Names => new(BadInputCatalogue.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_input_gets_its_status_and_a_specific_message(string name)
    {
        var c = BadInputCatalogue.All.Single(x => x.Name == name);
        var dir = TestPaths.TempDir();
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        c.Make(input);

        var rows = Convert(input, Path.Combine(dir, "out"), out _, out var stderr);

        var row = rows.Single(r => r["document_id"] == c.DocumentId);
        Assert.Equal(c.Status, row["status"]);
        Assert.Contains(c.Error, row["error"], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace reaches the user
    }

    [Fact]
    public void A_folder_of_all_bad_inputs_and_the_good_corpus_exits_1_with_full_results_and_one_row_each()
    {
        var dir = TestPaths.TempDir();
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        foreach (var c in BadInputCatalogue.All)
        {
            c.Make(input);
        }

        var good = Path.Combine(input, "good");
        Directory.CreateDirectory(good);
        foreach (var f in Directory.GetFiles(TestPaths.Corpus("text")))
        {
            File.Copy(f, Path.Combine(good, Path.GetFileName(f)));
        }

        var rows = Convert(input, Path.Combine(dir, "out"), out var code, out var stderr);

        Assert.Equal(1, code);
        foreach (var c in BadInputCatalogue.All)
        {
            var row = Assert.Single(rows, r => r["document_id"] == c.DocumentId);
            Assert.Equal(c.Status, row["status"]);
            Assert.Contains(c.Error, row["error"], StringComparison.Ordinal);
        }

        foreach (var id in new[] { "tekes-2023", "shanshan-2024", "bayingol-2023", "kizilsu-2025" })
        {
            var row = Assert.Single(rows, r => r["document_id"] == id);
            Assert.Equal("converted", row["status"]);
            Assert.Equal("overview;tables;explanation;glossary", row["parts_found"]);
            Assert.True(File.Exists(Path.Combine(dir, "out", "json", id + ".json")));
        }

        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_fails_with_permission_denied()
    {
        // Tests run as root on CI, where chmod 000 does not stop a read: the denial is injected instead.
        var pipeline = new DisclosurePipeline(readFile: _ => throw new UnauthorizedAccessException("Access to the path is denied."));
        var path = Path.Combine(TestPaths.TempDir(), "locked.txt");
        File.WriteAllText(path, "x");

        var r = pipeline.Convert(new InputFile(path, "locked"));

        Assert.Equal(ConversionStatus.Failed, r.Status);
        Assert.Equal("permission denied: the file cannot be read", r.Error);
    }

    [Fact]
    public void Limits_are_options_and_a_document_that_hits_one_says_so()
    {
        var path = TestPaths.Corpus("text", "tekes-2023.txt");

        var tooBig = new DisclosurePipeline(ConvertOptions.Default with { MaxFileBytes = 1000 }).Convert(new InputFile(path, "t"));
        Assert.Equal(ConversionStatus.Failed, tooBig.Status);
        Assert.StartsWith("file too large:", tooBig.Error, StringComparison.Ordinal);
        Assert.Contains("--max-file-mb", tooBig.Error, StringComparison.Ordinal);

        var tooSlow = new DisclosurePipeline(ConvertOptions.Default with { Timeout = TimeSpan.FromTicks(1) }).Convert(new InputFile(path, "t"));
        Assert.Equal(ConversionStatus.Failed, tooSlow.Status);
        Assert.StartsWith("time limit:", tooSlow.Error, StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> Convert(string input, string outDir, out int code, out string stderr)
    {
        var err = new StringWriter();
        code = CliApp.Run(["convert", input, "--out", outDir, "--no-progress"], new StringWriter(), err);
        stderr = err.ToString();
        using var reader = new StreamReader(Path.Combine(outDir, "documents.csv"), Encoding.UTF8);
        using var csv = new CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key, kv => (string)kv.Value)).ToList();
    }

}
