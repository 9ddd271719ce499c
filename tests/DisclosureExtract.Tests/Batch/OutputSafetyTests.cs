using System.Text;
using DisclosureExtract.Cli;
using DisclosureExtract.Export;
using DisclosureExtract.Model;

namespace DisclosureExtract.Tests.Batch;

public class OutputSafetyTests
{
    [Fact]
    public void A_failed_commit_leaves_the_previous_output_intact_and_files_we_do_not_own_are_kept()
    {
        var dir = TestPaths.TempDir();
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, CliApp.Run(["convert", TestPaths.Corpus("text"), "--out", outDir, "--no-progress"], new StringWriter(), new StringWriter()));
        File.WriteAllText(Path.Combine(outDir, "NOTES.md"), "mine");
        var before = File.ReadAllBytes(Path.Combine(outDir, "documents.csv"));

        // a batch that dies before its commit: the old folder is untouched, no staging folder is left behind
        using (var output = new BatchOutput(outDir))
        {
            output.Add(ConversionResult.Failure("x", "x.txt", null, null, "boom"));
        }

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(outDir, "documents.csv")));
        Assert.Single(Directory.GetDirectories(dir));

        // a new run replaces our files and keeps the user's
        using (var output = new BatchOutput(outDir))
        {
            output.Add(ConversionResult.Failure("x", "x.txt", null, null, "boom"));
            output.Commit();
        }

        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "NOTES.md")));
        var docs = File.ReadAllLines(Path.Combine(outDir, "documents.csv"), Encoding.UTF8);
        Assert.Equal(2, docs.Length);
        Assert.False(Directory.Exists(Path.Combine(outDir, "json", "tekes-2023.json")));
        Assert.Single(Directory.GetDirectories(dir));
    }

    [Fact]
    public void Duplicate_content_is_marked_once_and_its_rows_are_not_repeated()
    {
        DocumentRow Row(string id, string sha, string status = "converted") =>
            new(id, id + ".txt", "text", sha, "", "", "", "", "", "", "", "", "", "", "", 0, 0, status, "");

        var dups = new HashSet<string>(StringComparer.Ordinal);
        var rows = DuplicateContent.MarkEach([Row("a", "1"), Row("b", "2"), Row("c", "1"), Row("d", "", "failed"), Row("e", "", "failed")], dups).ToList();

        Assert.Equal(["c"], dups);
        Assert.Equal("partial", rows[2].status);
        Assert.StartsWith("duplicate of a:", rows[2].error, StringComparison.Ordinal);
        Assert.All(rows.Where(r => r.document_id != "c"), r => Assert.Equal("", r.error));
    }

    [Fact]
    public void Hashes_kept_as_bytes_match_exactly_as_their_text_did()
    {
        // a hash as this tool writes it (64 lowercase hex digits) is kept as 32 bytes; any other text as text
        DocumentRow Row(string id, string sha) =>
            new(id, id + ".txt", "text", sha, "", "", "", "", "", "", "", "", "", "", "", 0, 0, "converted", "");
        var h = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("预算"u8));
        var other = h[..^1] + (h[^1] == '0' ? '1' : '0'); // differs in the last digit only

        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var rows = DuplicateContent.MarkEach(
            [Row("a", h), Row("b", other), Row("c", h.ToUpperInvariant()), Row("d", h), Row("e", h.ToUpperInvariant()), Row("f", other + "0")],
            duplicates).ToList();

        Assert.Equal(["d", "e"], duplicates.Order(StringComparer.Ordinal));
        Assert.StartsWith("duplicate of a:", rows[3].error, StringComparison.Ordinal);
        Assert.StartsWith("duplicate of c:", rows[4].error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_are_marked_as_the_rows_pass_without_holding_the_batch()
    {
        // the commit marks documents.csv as a stream: a row is marked when it passes, with what came before it
        DocumentRow Row(string id, string sha) =>
            new(id, id + ".txt", "text", sha, "", "", "", "", "", "", "", "", "", "", "", 0, 0, "converted", "");
        IEnumerable<DocumentRow> Rows()
        {
            yield return Row("a", "1");
            yield return Row("b", "1");
            throw new InvalidOperationException("read past the rows asked for");
        }

        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var firstTwo = DuplicateContent.MarkEach(Rows(), duplicates).Take(2).ToList();

        Assert.Equal(["converted", "partial"], firstTwo.Select(r => r.status));
        Assert.Equal(["b"], duplicates);
    }

    [Fact]
    public void Documents_rows_spooled_during_the_batch_are_written_back_exactly_in_id_order()
    {
        // documents.csv's rows wait in the spool, not in memory, and are read back at commit: fields that CSV must quote
        // (commas, quotes, line breaks, edge spaces) and Chinese text come back as written, in document-id order
        ConversionResult[] results =
        [
            ConversionResult.Failure("b", "dir, with comma/b.txt", SourceFormat.Text, "2", "damaged: \"quoted\" and, comma"),
            ConversionResult.Failure("a", " a leading space.txt", SourceFormat.Pdf, "1", "第一行\n第二行\r\nthird "),
            ConversionResult.Failure("c", "c.html", null, null, ""),
        ];
        var outDir = Path.Combine(TestPaths.TempDir(), "out");
        using (var output = new BatchOutput(outDir))
        {
            foreach (var r in results)
            {
                output.Add(r);
            }

            output.Commit();
        }

        using var expected = new MemoryStream();
        expected.Write(CsvOutput.Utf8Bom.GetPreamble());
        CsvOutput.WriteTo(expected, results.Select(OutputRows.Document).OrderBy(d => d.document_id, StringComparer.Ordinal));
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(outDir, BatchOutput.DocumentsFile))));
    }
}
