using DisclosureExtract.Export;
using Microsoft.Data.Sqlite;

namespace DisclosureExtract.Tests.Outputs;

[Collection(OutputsCollection.Name)]
public class SqliteRoundTripTests(OutputsFixture fx)
{
    private SqliteConnection Open()
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(fx.Dir, "disclosures.sqlite")};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    [Fact]
    public void Every_long_table_has_the_rows_of_its_csv_in_order_with_every_amount_exact()
    {
        using var db = Open();
        foreach (var table in LongTables.All)
        {
            var (header, rows) = fx.Csv(table.FileName);
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT {string.Join(", ", header.Select(h => $"\"{h}\""))} FROM \"{table.Name}\" ORDER BY {(table.Name == "documents" ? "document_id" : "id")}";
            using var reader = cmd.ExecuteReader();
            var n = 0;
            while (reader.Read())
            {
                var csv = rows[n++];
                for (var c = 0; c < header.Length; c++)
                {
                    var value = reader.IsDBNull(c) ? string.Empty : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture);
                    // text (amounts included) is stored as written; integers compare as written too
                    Assert.True(csv[c] == value, $"{table.Name} row {n} {header[c]}: csv '{csv[c]}', sqlite '{value}'");
                }
            }

            Assert.Equal(rows.Count, n);
            Assert.True(rows.Count > 0, $"{table.Name} has rows");
        }
    }

    [Fact]
    public void Columns_are_typed_and_money_is_also_whole_fen()
    {
        using var db = Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT amount, unit, amount_cny, amount_fen, amount_cny_fen, typeof(amount), typeof(amount_cny_fen), typeof(budget_year), typeof(source_line), typeof(table_no) FROM line_items";
        using var r = cmd.ExecuteReader();
        var rows = 0;
        while (r.Read())
        {
            rows++;
            Assert.Equal("text", r.GetString(5));
            Assert.Equal("integer", r.GetString(6));
            Assert.Equal("integer", r.GetString(7));
            Assert.Equal("integer", r.GetString(8));
            Assert.Equal("integer", r.GetString(9));
            var yuan = decimal.Parse(r.GetString(2), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(yuan * 100, r.GetInt64(4));
            var per = r.GetString(1) == "万元" ? 10000m : 1m;
            Assert.Equal(decimal.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture) * per * 100, r.GetInt64(3));
        }

        Assert.True(rows > 1000);
    }

    [Fact]
    public void Keys_indexes_and_views_are_there_and_answer()
    {
        using var db = Open();
        string Scalar(string sql)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        Assert.Contains("\"document_id\" TEXT NOT NULL PRIMARY KEY", Scalar("SELECT sql FROM sqlite_master WHERE name = 'documents'"), StringComparison.Ordinal);
        Assert.Contains("\"id\" INTEGER PRIMARY KEY", Scalar("SELECT sql FROM sqlite_master WHERE name = 'line_items'"), StringComparison.Ordinal);
        foreach (var index in new[] { "ix_line_items_table_key", "ix_line_items_code", "ix_line_items_cell", "ix_findings_cell", "ix_projects_document_id", "ix_indicators_document_id" })
        {
            Assert.Equal("1", Scalar($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{index}'"));
        }

        // empty text stays '' (text is bound as UTF-8 spans: an empty one must not become NULL); Chinese text intact
        Assert.Equal("0", Scalar("SELECT count(*) FROM line_items WHERE sub_unit IS NULL OR code IS NULL"));
        Assert.NotEqual("0", Scalar("SELECT count(*) FROM line_items WHERE code = ''"));
        Assert.NotEqual("0", Scalar("SELECT count(*) FROM line_items WHERE item_name = '一、本年收入'"));

        // a document's rows are found through the cell index, whose first column is document_id
        using (var plan = db.CreateCommand())
        {
            plan.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM line_items WHERE document_id = 'tekes-2023'";
            using var reader = plan.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }

            Assert.Contains(steps, s => s.Contains("USING INDEX ix_line_items_cell (document_id=?)", StringComparison.Ordinal));
        }

        // every error finding is in error_cells; those with a code (or printed on a line of the table) have their cell
        Assert.Equal(Scalar("SELECT count(*) FROM findings WHERE severity = 'error'"), Scalar("SELECT count(DISTINCT id) FROM error_cells"));
        Assert.NotEqual("0", Scalar("SELECT count(*) FROM error_cells WHERE cell_amount IS NOT NULL AND cell_amount = actual"));
        // totals by 类: the printed 类 row against the sum of its 款 rows
        Assert.NotEqual("0", Scalar("SELECT count(*) FROM totals_by_class WHERE printed_fen = sum_of_kuan_fen"));
        Assert.Equal("0", Scalar("SELECT count(*) FROM budget_vs_final WHERE budget_document_id = final_document_id"));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
    }

    [Fact]
    public void A_column_added_to_a_row_record_reaches_sqlite_and_parquet_without_an_edit()
    {
        // what another engineer adding a column to line_items would produce: the CSV gains a column
        var dir = TestPaths.TempDir();
        var (header, rows) = fx.Csv("line_items.csv");
        var grid = new List<IReadOnlyList<string>> { header.Append("reviewer_note").ToArray() };
        grid.AddRange(rows.Select((r, i) => (IReadOnlyList<string>)r.Append(i % 2 == 0 ? "机关" : string.Empty).ToArray()));
        CsvOutput.WriteGrid(Path.Combine(dir, "line_items.csv"), grid);
        SqliteOutput.Write(Path.Combine(dir, "d.sqlite"), dir);
        ParquetOutput.Write(Path.Combine(dir, "parquet"), dir);

        using var db = new SqliteConnection($"Data Source={Path.Combine(dir, "d.sqlite")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM line_items WHERE reviewer_note = '机关'";
        Assert.Equal((long)((rows.Count + 1) / 2), (long)cmd.ExecuteScalar()!);
        var columns = ParquetRoundTripTests.Read(Path.Combine(dir, "parquet", "line_items.parquet"));
        Assert.Equal("机关", columns["reviewer_note"][0]);
        Assert.Equal(rows.Count, columns["reviewer_note"].Count);
    }
}
