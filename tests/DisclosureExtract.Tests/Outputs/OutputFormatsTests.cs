using DisclosureExtract.Cli;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Outputs;

public class OutputFormatsTests
{
    private static int Run(params string[] args) => CliApp.Run(args, new StringWriter(), new StringWriter());

    [Theory]
    [InlineData("csv,json,xlsx,sqlite,parquet,report", OutputFormats.All)]
    [InlineData(" XLSX , sqlite ", OutputFormats.Xlsx | OutputFormats.Sqlite)]
    [InlineData("csv", OutputFormats.Csv)]
    public void Format_lists_parse(string text, OutputFormats expected)
    {
        Assert.True(OutputFormatList.TryParse(text, out var formats));
        Assert.Equal(expected, formats);
    }

    [Theory]
    [InlineData("")]
    [InlineData("csv,xls")]
    [InlineData(",")]
    public void Unknown_or_empty_format_lists_are_usage_errors(string text)
    {
        Assert.False(OutputFormatList.TryParse(text, out _));
        Assert.Equal(2, Run("convert", TestPaths.Corpus("text"), "--out", Path.Combine(TestPaths.TempDir(), "o"), "--formats", text));
    }

    [Fact]
    public void SQLite_loads_here_so_the_check_before_a_run_lets_it_go_on()
    {
        // the case where it does not load (a binary copied without libe_sqlite3.so) is ShippingTests' native binary test
        Assert.Null(SqliteLibrary.Problem());
        Assert.Null(SqliteLibrary.Problem());
    }

    [Fact]
    public void Formats_narrow_what_is_written_and_a_narrower_run_leaves_no_stale_files()
    {
        var outDir = Path.Combine(TestPaths.TempDir(), "out");
        Assert.Equal(0, Run("convert", TestPaths.Corpus("text"), "--out", outDir, "--no-progress"));
        foreach (var name in new[] { "line_items.csv", "disclosures.sqlite", "parquet/line_items.parquet", "report/index.html", "xlsx/tekes-2023.xlsx", "json/tekes-2023.json", "tables/tekes-2023" })
        {
            Assert.True(Path.Exists(Path.Combine(outDir, name)), $"{name} written by default");
        }

        // without csv: documents.csv (the run's index) stays; the other CSV files and tables/ go; SQLite still has the rows
        Assert.Equal(0, Run("convert", TestPaths.Corpus("text"), "--out", outDir, "--no-progress", "--formats", "sqlite,xlsx"));
        Assert.True(File.Exists(Path.Combine(outDir, "documents.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "xlsx", "tekes-2023.xlsx")));
        foreach (var name in new[] { "line_items.csv", "findings.csv", "tables", "json", "parquet", "report" })
        {
            Assert.False(Path.Exists(Path.Combine(outDir, name)), $"{name} not written");
        }

        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(outDir, "disclosures.sqlite")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(DISTINCT document_id) FROM line_items";
        Assert.Equal(4L, (long)cmd.ExecuteScalar()!);
    }
}
