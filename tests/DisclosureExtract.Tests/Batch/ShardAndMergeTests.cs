using DisclosureExtract.Cli;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Batch;

public class ShardAndMergeTests
{
    private static int Run(params string[] args) => CliApp.Run(args, new StringWriter(), new StringWriter());

    [Fact]
    public void Two_shards_merged_are_byte_identical_to_an_unsharded_run()
    {
        var dir = TestPaths.TempDir();
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        // twelve documents: the four samples under three names each (same content: duplicates across shards too)
        foreach (var f in Directory.GetFiles(TestPaths.Corpus("text"), "*.txt"))
        {
            for (var i = 0; i < 3; i++)
            {
                File.Copy(f, Path.Combine(input, $"{Path.GetFileNameWithoutExtension(f)}-{i}.txt"));
            }
        }

        File.WriteAllBytes(Path.Combine(input, "junk.txt"), [0, 1, 2, 0]);
        var whole = Path.Combine(dir, "whole");
        Assert.Equal(1, Run("convert", input, "--out", whole, "--no-progress", "--jobs", "2"));
        // exactly one of the shards holds the junk file and exits 1
        var codes = new[] { Run("convert", input, "--out", Path.Combine(dir, "s1"), "--no-progress", "--shard", "1/2"), Run("convert", input, "--out", Path.Combine(dir, "s2"), "--no-progress", "--shard", "2/2") };
        Assert.Equal([0, 1], codes.Order());
        Assert.Equal(0, Run("merge", Path.Combine(dir, "s1"), Path.Combine(dir, "s2"), "--out", Path.Combine(dir, "merged")));

        var s1 = File.ReadAllLines(Path.Combine(dir, "s1", "documents.csv")).Length - 1;
        var s2 = File.ReadAllLines(Path.Combine(dir, "s2", "documents.csv")).Length - 1;
        Assert.Equal(13, s1 + s2);
        Assert.True(s1 > 0 && s2 > 0, "both shards get documents");
        foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv", "disclosures.sqlite", "parquet/line_items.parquet", "parquet/findings.parquet", "report/index.html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, name)), File.ReadAllBytes(Path.Combine(dir, "merged", name)));
        }

        Assert.Equal(
            Directory.GetFiles(Path.Combine(whole, "xlsx")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(dir, "merged", "xlsx")).Select(Path.GetFileName).Order());

        Assert.Equal(
            Directory.GetFiles(Path.Combine(whole, "json")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(dir, "merged", "json")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void The_same_run_twice_gives_byte_identical_csv_whatever_the_parallelism()
    {
        var dir = TestPaths.TempDir();
        Assert.Equal(0, Run("convert", TestPaths.Corpus("text"), "--out", Path.Combine(dir, "a"), "--no-progress", "--jobs", "1"));
        Assert.Equal(0, Run("convert", TestPaths.Corpus("text"), "--out", Path.Combine(dir, "b"), "--no-progress", "--jobs", "4"));
        // the SQLite file and the Parquet files are built from the final CSVs: the same bytes too
        foreach (var name in new[] { "documents.csv", "line_items.csv", "findings.csv", "disclosures.sqlite", "parquet/line_items.parquet", "parquet/explanations.parquet", "xlsx/tekes-2023.xlsx", "report/tekes-2023.html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a", name)), File.ReadAllBytes(Path.Combine(dir, "b", name)));
        }
    }

    [Theory]
    [InlineData("1/1", true)]
    [InlineData("2/8", true)]
    [InlineData("0/2", false)]
    [InlineData("3/2", false)]
    [InlineData("x", false)]
    public void Shard_syntax(string text, bool ok) => Assert.Equal(ok, Shard.TryParse(text, out _));

    [Fact]
    public void Every_file_falls_in_exactly_one_shard()
    {
        var files = Enumerable.Range(0, 200).Select(i => new InputFile($"/x/doc{i}.txt", $"doc{i}")).ToList();
        var counts = Enumerable.Range(1, 4).Select(i => new Shard(i, 4).Select(files).Count).ToList();
        Assert.Equal(200, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 25, 75));
    }
}
