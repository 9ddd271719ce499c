using System.Text;
using DisclosureExtract.Export;
using DisclosureExtract.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace DisclosureExtract.Worker.Tests;

/// <summary>The state keeps each version's long files as CSV (header and records, <see cref="StoredCsv"/>), and the long
/// CSVs of current/ and of the run folders are those records copied; a version recorded before, with its rows as JSON, is
/// rendered from them once.</summary>
public sealed class StoredCsvTests : IDisposable
{
    private readonly WorkerTestbed _bed = new();

    public void Dispose() => _bed.Dispose();

    private static CsvTable LineItems => CsvTables.PerRow.Single(t => t.FileName == "line_items.csv");

    private static byte[] LineItemsHeader => RowFragmentWriter.Header(typeof(LineItemRow)).ToArray();

    [Fact]
    public async Task Each_version_keeps_its_long_files_as_csv_and_only_its_documents_row_as_json()
    {
        var run = await _bed.RunAsync();

        var stored = StoredRecords();
        Assert.Equal(4 * CsvTables.PerRow.Count, stored.Count);
        Assert.All(stored, s => Assert.Equal(BuildKey.Name, s.Build));
        Assert.All(stored, s => Assert.StartsWith(
            Encoding.UTF8.GetString(RowFragmentWriter.Header(CsvTables.PerRow.Single(t => RowKinds.Of(t) == s.Kind).RowType).Span),
            Encoding.UTF8.GetString(s.Csv), StringComparison.Ordinal));
        Assert.Equal(Enumerable.Repeat(RowKinds.Documents, 4), JsonRowKinds());

        // the run folder's and current/'s line_items.csv: the header, then the four documents' stored records in id order
        var expected = Encoding.UTF8.GetPreamble().Concat(LineItemsHeader)
            .Concat(stored.Where(s => s.Kind == "line_items").OrderBy(s => s.DocumentId, StringComparer.Ordinal).SelectMany(s => s.Csv.Skip(LineItemsHeader.Length)))
            .ToArray();
        Assert.True(expected.Length > 10_000);
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(run.RunFolder, "line_items.csv")));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(_bed.Current, "line_items.csv")));
    }

    [Fact]
    public async Task Publishing_copies_the_stored_records()
    {
        await _bed.RunAsync();

        SetStored("tekes-2023", "line_items", Encoding.UTF8.GetString(LineItemsHeader) + "marker,row\r\n");

        Assert.Contains("\r\nmarker,row\r\n", Encoding.UTF8.GetString(Published()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_stored_under_other_columns_are_read_by_column_name()
    {
        await _bed.RunAsync();

        // as a build whose line items had three columns, in another order, one of them unknown today, would have stored them
        SetStored("tekes-2023", "line_items", "amount,gone,document_id\r\n12.50,x,tekes-2023\r\n\"1,5\",y,tekes-2023\r\n");

        var lines = Encoding.UTF8.GetString(Published()).Split("\r\n");
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var tekes = lines.Where(l => l.StartsWith("tekes-2023,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tekes.Count);
        var first = tekes[0].Split(',');
        Assert.Equal(header.Length, first.Length);
        Assert.Equal("12.50", first[Array.IndexOf(header, "amount")]);
        Assert.All(first.Where((_, i) => header[i] is not ("amount" or "document_id")), Assert.Empty);
        Assert.EndsWith(",\"1,5\",,,,", tekes[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_recorded_before_the_state_kept_its_csv_is_rendered_from_its_rows_once()
    {
        await _bed.RunAsync();
        var before = File.ReadAllBytes(Path.Combine(_bed.Current, "line_items.csv"));
        // tekes as an earlier worker recorded it: its long files' rows as JSON in version_rows, no CSV
        var tekes = new DisclosurePipeline().Convert(InputDiscovery.Discover([Path.Combine(_bed.Inbox, "tekes-2023.txt")]).Single());
        using (var db = _bed.Open())
        {
            using var json = new StateRowWriter();
            Exec(db, "DELETE FROM version_csv WHERE version_id = (SELECT version_id FROM file_versions WHERE document_id = 'tekes-2023');");
            foreach (var table in CsvTables.PerRow)
            {
                var n = 0;
                foreach (var row in table.Rows(tekes))
                {
                    Exec(db, "INSERT INTO version_rows (version_id, kind, ordinal, data) SELECT version_id, $k, $n, $d FROM file_versions WHERE document_id = 'tekes-2023';",
                        ("$k", RowKinds.Of(table)), ("$n", n++), ("$d", json.Write(row)));
                }
            }
        }

        using (var store = StateStore.Open(_bed.StatePath))
        {
            using var records = new MemoryStream();
            store.WriteCurrentCsv(LineItems, records);
            Assert.Equal(before[(Encoding.UTF8.GetPreamble().Length + LineItemsHeader.Length)..], records.ToArray());
            var pages = Pragma("page_count");
            Assert.Equal(1, store.StoreMissingCsv());
            Assert.Equal(0, store.StoreMissingCsv());
            // one document's JSON rows were most of this small state: the space they held is given back
            Assert.True(Pragma("page_count") * 2 < pages, $"{Pragma("page_count")} pages after, {pages} before");
            Assert.Equal(0, Pragma("freelist_count"));
        }

        Assert.Equal(4 * CsvTables.PerRow.Count, StoredRecords().Count);
        Assert.Equal(Enumerable.Repeat(RowKinds.Documents, 4), JsonRowKinds()); // its rows as JSON dropped once rendered
        Assert.Equal(before, Published());
    }

    [Fact]
    public void Records_deflate_and_inflate_to_the_same_bytes()
    {
        var header = Encoding.UTF8.GetBytes("document_id,item_name,amount\r\n");
        var records = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("tekes-2023,一般公共预算财政拨款支出,\"21011, 行政事业单位医疗\",12.50\r\n", 200)));

        var stored = StoredCsv.Deflate(header, records);

        Assert.Equal(header.Concat(records).ToArray(), StoredCsv.Inflate(stored));
        Assert.True(stored.Length < records.Length / 5, $"{stored.Length} bytes stored for {records.Length}");
        Assert.Empty(StoredCsv.Inflate(StoredCsv.Deflate([], [])));
    }

    /// <summary>current/line_items.csv after a publication (the stamp removed, so it rebuilds).</summary>
    private byte[] Published()
    {
        File.Delete(Path.Combine(_bed.Current, DatasetStamp.FileName));
        using (var store = StateStore.Open(_bed.StatePath))
        {
            new DatasetPublisher(NullLogger.Instance).Publish(store, _bed.Output, jobs: 2);
        }

        return File.ReadAllBytes(Path.Combine(_bed.Current, "line_items.csv"));
    }

    private void SetStored(string documentId, string kind, string csv)
    {
        using var db = _bed.Open();
        Assert.Equal(1, Exec(db, "UPDATE version_csv SET csv = $csv WHERE kind = $k AND version_id = (SELECT version_id FROM file_versions WHERE document_id = $d);",
            ("$csv", StoredCsv.Deflate(Encoding.UTF8.GetBytes(csv), [])), ("$k", kind), ("$d", documentId)));
    }

    private long Pragma(string name)
    {
        using var db = _bed.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return (long)cmd.ExecuteScalar()!;
    }

    private List<string> JsonRowKinds()
    {
        using var db = _bed.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT kind FROM version_rows ORDER BY version_id, kind, ordinal;";
        using var r = cmd.ExecuteReader();
        var kinds = new List<string>();
        while (r.Read())
        {
            kinds.Add(r.GetString(0));
        }

        return kinds;
    }

    private List<(string DocumentId, string Kind, string Build, byte[] Csv)> StoredRecords()
    {
        using var db = _bed.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT v.document_id, c.kind, c.build, c.csv FROM version_csv c JOIN file_versions v ON v.version_id = c.version_id;";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, string, byte[])>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1), r.GetString(2), StoredCsv.Inflate(r.GetFieldValue<byte[]>(3))));
        }

        return list;
    }

    private static int Exec(Microsoft.Data.Sqlite.SqliteConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd.ExecuteNonQuery();
    }
}
