using DisclosureExtract.Export;
using DisclosureExtract.Model;
using Parquet.Schema;

namespace DisclosureExtract.Tests.Outputs;

/// <summary>
/// A batch that announces its document ids builds disclosures.sqlite and parquet/ while documents arrive; the files
/// must be the very bytes that building them from the final CSV files gives (what `merge` and the nightly worker do),
/// whatever order the documents come in, also when a value does not fit the declared Parquet type or a document
/// comes that was not announced.
/// </summary>
public class DatasetStreamTests
{
    private sealed record AmountRow(string document_id, int seq, string item_name, string amount, string unit);

    private static readonly Dictionary<string, AmountRow[]> Rows = new(StringComparer.Ordinal)
    {
        // a document with no rows, an empty amount, a negative one

        // and names a CSV must quote (comma, quote, line breaks, edge spaces): the fields kept in memory and those read
        // back from the spool must be the same strings
        ["a"] = [new("a", 1, "一般公共预算", "1336.71", "万元"), new("a", 2, "合计, \"全部\"", "1336.71", "万元"), new("a", 3, " 换行\r\n名称\n续 ", "0.00", "万元")],
        ["b"] = [new("b", 1, "其他", "", "元"), new("b", 2, "基本支出", "-3", "元")],
        ["c"] = [],
        ["d"] = [new("d", 1, "项目", "12.5", "万元")],
    };

    private static string Run(IEnumerable<string>? announced, params string[] arrivalOrder) => Run(Rows, announced, DatasetStream.KeptRowsLimit, arrivalOrder);

    private static string Run(Dictionary<string, AmountRow[]> rows, IEnumerable<string>? announced, int keptRows, params string[] arrivalOrder)
    {
        var table = new CsvTable("line_items.csv", typeof(AmountRow), r => rows.TryGetValue(r.DocumentId, out var found) ? found : []);
        var dir = Path.Combine(TestPaths.TempDir(), "out");
        using (var output = new BatchOutput(dir, [table], OutputFormats.All, announced, keptRows))
        {
            Parallel.ForEach(arrivalOrder, new ParallelOptions { MaxDegreeOfParallelism = 3 }, id => output.Add(ConversionResult.Failure(id, id + ".txt", null, null, "test rows")));
            output.Commit();
        }

        return dir;
    }

    /// <summary>The SQLite file and the Parquet files as built from the CSV files of <paramref name="dir"/>.</summary>
    private static string FromCsv(string dir)
    {
        var again = TestPaths.TempDir();
        SqliteOutput.Write(Path.Combine(again, SqliteOutput.FileName), dir);
        ParquetOutput.Write(Path.Combine(again, ParquetOutput.Folder), dir);
        return again;
    }

    private static void AssertSameFiles(string streamed, string fromCsv)
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(fromCsv, SqliteOutput.FileName)), File.ReadAllBytes(Path.Combine(streamed, SqliteOutput.FileName)));
        foreach (var name in new[] { "documents.parquet", "line_items.parquet" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fromCsv, ParquetOutput.Folder, name)), File.ReadAllBytes(Path.Combine(streamed, ParquetOutput.Folder, name)));
        }

        Assert.Empty(Directory.GetFiles(streamed, "*.tmp", SearchOption.AllDirectories));
    }

    private static DecimalDataField Amount(string dir) =>
        Assert.IsType<DecimalDataField>(ParquetRoundTripTests.ReadWithFields(Path.Combine(dir, ParquetOutput.Folder, "line_items.parquet")).Fields.Single(f => f.Name == "amount"));

    [Theory]
    [InlineData(DatasetStream.KeptRowsLimit)] // every document's fields kept in memory for the stream
    [InlineData(0)] // every document read back from its spool
    [InlineData(3)] // some of each
    public void Files_built_while_documents_arrive_out_of_order_are_those_built_from_the_csv_files(int keptRows)
    {
        var streamed = Run(Rows, ["a", "b", "c", "d"], keptRows, "d", "b", "c", "a");
        AssertSameFiles(streamed, FromCsv(streamed));
        Assert.Equal((18, 6), (Amount(streamed).Precision, Amount(streamed).Scale));
        var amounts = ParquetRoundTripTests.Read(Path.Combine(streamed, ParquetOutput.Folder, "line_items.parquet"))["amount"];
        Assert.Equal(["1336.710000", "1336.710000", "0.000000", null, "-3.000000", "12.500000"], amounts);
        Assert.Contains(" 换行\r\n名称\n续 ", ParquetRoundTripTests.Read(Path.Combine(streamed, ParquetOutput.Folder, "line_items.parquet"))["item_name"]);
    }

    [Fact]
    public void A_value_with_more_decimals_than_declared_gives_the_table_the_scale_it_needs()
    {
        var rows = new Dictionary<string, AmountRow[]>(Rows, StringComparer.Ordinal) { ["e"] = [new("e", 1, "细", "0.12345678", "万元")] };
        var streamed = Run(rows, ["a", "b", "e"], DatasetStream.KeptRowsLimit, "e", "a", "b");
        AssertSameFiles(streamed, FromCsv(streamed));
        Assert.Equal((28, 8), (Amount(streamed).Precision, Amount(streamed).Scale));
        Assert.Contains("0.12345678", ParquetRoundTripTests.Read(Path.Combine(streamed, ParquetOutput.Folder, "line_items.parquet"))["amount"]);
    }

    [Fact]
    public void A_document_that_was_not_announced_or_one_that_never_came_still_gives_the_files_of_the_csv()
    {
        var unannounced = Run(["a", "b"], "a", "d", "b");
        AssertSameFiles(unannounced, FromCsv(unannounced));
        Assert.Equal(3, ParquetRoundTripTests.Read(Path.Combine(unannounced, ParquetOutput.Folder, "documents.parquet"))["document_id"].Count);

        var missing = Run(["a", "b", "c", "d"], "d", "a");
        AssertSameFiles(missing, FromCsv(missing));
        Assert.Equal(["a", "a", "a", "d"], ParquetRoundTripTests.Read(Path.Combine(missing, ParquetOutput.Folder, "line_items.parquet"))["document_id"]);
    }

    [Fact]
    public void A_record_with_a_value_beyond_its_declared_column_is_refused_whole()
    {
        var table = LongTables.All.Single(t => t.Name == "line_items");
        var path = Path.Combine(TestPaths.TempDir(), "t.parquet");
        using (var writer = new ParquetTableWriter(path, ParquetPlan.Declared(table, ["document_id", "amount", "table_no"])))
        {
            Assert.True(writer.TryAdd(["a", "1.5", "1"]));
            Assert.False(writer.TryAdd(["b", "0.1234567", "2"])); // seven decimals
            Assert.False(writer.TryAdd(["c", "1234567890123", "3"])); // thirteen digits before the point
            Assert.False(writer.TryAdd(["d", "1.5", "x"])); // not an integer
            Assert.True(writer.TryAdd(["e", "-999999999999.999999", ""]));
            writer.Finish();
        }

        var columns = ParquetRoundTripTests.Read(path);
        Assert.Equal(["a", "e"], columns["document_id"]);
        Assert.Equal(["1.500000", "-999999999999.999999"], columns["amount"]);
        Assert.Equal(["1", null], columns["table_no"]);
    }

    [Fact]
    public void Rows_beyond_the_first_buffers_are_kept_as_the_buffers_grow_to_a_group()
    {
        // the buffers start with room for 1,024 rows and then take a whole group (3,000): rows 1,024 and 3,000 each
        // meet a full buffer, and a refused record at a full buffer leaves the rows before it as they were
        var table = LongTables.All.Single(t => t.Name == "line_items");
        var path = Path.Combine(TestPaths.TempDir(), "t.parquet");
        var ids = new List<string>();
        using (var writer = new ParquetTableWriter(path, ParquetPlan.Declared(table, ["document_id", "amount", "table_no"]), rowGroupSize: 3_000))
        {
            for (var i = 0; i < 7_001; i++)
            {
                if (i == 1_024)
                {
                    Assert.False(writer.TryAdd(["refused", "1.5", "x"]));
                }

                var id = $"d{i}";
                ids.Add(id);
                writer.Add([id, (i / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 3 == 0 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            writer.Finish();
        }

        var columns = ParquetRoundTripTests.Read(path);
        Assert.Equal(ids, columns["document_id"]!.Select(v => v!));
        Assert.Equal("20.480000", columns["amount"][2_048]);
        Assert.Equal("2999", columns["table_no"][2_999]);
        Assert.Null(columns["table_no"][3_000]);
        Assert.Equal("7000", columns["table_no"][7_000]);
    }

    [Fact]
    public void A_batch_that_ends_without_commit_leaves_nothing_behind()
    {
        var parent = TestPaths.TempDir();
        var dir = Path.Combine(parent, "out");
        var table = new CsvTable("line_items.csv", typeof(AmountRow), r => Rows.TryGetValue(r.DocumentId, out var found) ? found : []);
        using (var output = new BatchOutput(dir, [table], OutputFormats.All, ["a", "b", "c", "d"]))
        {
            // "a" never comes: the others wait for it when the batch gives up
            foreach (var id in new[] { "d", "b", "c" })
            {
                output.Add(ConversionResult.Failure(id, id + ".txt", null, null, "test rows"));
            }
        }

        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }
}
