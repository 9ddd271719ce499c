using System.Text;
using DisclosureExtract.Export;
using Microsoft.Extensions.Logging.Abstractions;

namespace DisclosureExtract.Worker.Tests;

/// <summary>The long CSVs of current/ and of the run folders are the records each version's conversion rendered, stored
/// with the build that rendered them (<see cref="StoredCsv"/>); another build renders its own from the stored rows.</summary>
public sealed class StoredCsvTests : IDisposable
{
    private readonly WorkerTestbed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Each_recorded_version_keeps_the_records_its_rows_render_to_when_the_build_is_known()
    {
        var run = await _bed.RunAsync();

        var stored = StoredRecords();
        if (BuildKey.Current is null)
        {
            // a build that does not know its commit keys nothing by it: it stores none and renders from the rows
            Assert.Empty(stored);
            return;
        }

        Assert.Equal(4 * CsvTables.PerRow.Count, stored.Count);
        Assert.All(stored, s => Assert.Equal(BuildKey.Current, s.Build));
        // the run folder's line_items.csv is the header and the four documents' stored records, in document-id order
        var lineItems = stored.Where(s => s.Kind == "line_items").OrderBy(s => s.DocumentId, StringComparer.Ordinal).ToList();
        var expected = Encoding.UTF8.GetPreamble().Concat(RowFragmentWriter.Header(typeof(LineItemRow)).ToArray()).Concat(lineItems.SelectMany(s => s.Csv)).ToArray();
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(run.RunFolder, "line_items.csv")));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(_bed.Current, "line_items.csv")));
    }

    [Fact]
    public async Task Publishing_copies_this_builds_records_and_another_build_renders_its_own_from_the_rows()
    {
        await _bed.RunAsync();
        var before = File.ReadAllBytes(Path.Combine(_bed.Current, "line_items.csv"));

        // as build A: every current version gets build A's records (rendered from the stored rows); then one of them
        // is replaced by a marker, which a publication that copies the stored records must show
        using (var a = StateStore.Open(_bed.StatePath, "build A"))
        {
            Assert.Equal(4, a.StoreMissingCsv());
            Assert.Equal(0, a.StoreMissingCsv());
        }

        Assert.All(StoredRecords(), s => Assert.Equal("build A", s.Build));
        Assert.Equal(before, Published("build A"));
        SetStored("tekes-2023", "line_items", "marker,row\r\n");
        Assert.Contains("marker,row", Encoding.UTF8.GetString(Published("build A")), StringComparison.Ordinal);

        // another build's reading never takes build A's records, even before it has stored its own
        using (var c = StateStore.Open(_bed.StatePath, "build C"))
        {
            using var records = new MemoryStream();
            c.WriteCurrentCsv(CsvTables.PerRow.Single(t => t.FileName == "line_items.csv"), records);
            var start = Encoding.UTF8.GetPreamble().Length + RowFragmentWriter.Header(typeof(LineItemRow)).Length;
            Assert.Equal(before[start..], records.ToArray());
        }

        // build B does not use build A's records: it renders its own from the rows (the marker is gone), and keeps them
        Assert.Equal(before, Published("build B"));
        Assert.All(StoredRecords(), s => Assert.Equal("build B", s.Build));

        // a build without a key neither uses nor stores records
        SetStored("tekes-2023", "line_items", "marker,row\r\n");
        Assert.Equal(before, Published(null));
        Assert.All(StoredRecords(), s => Assert.Equal("build B", s.Build));
    }

    [Fact]
    public void Records_deflate_and_inflate_to_the_same_bytes()
    {
        var csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("tekes-2023,一般公共预算财政拨款支出,\"21011, 行政事业单位医疗\",12.50\r\n", 200)));

        var stored = StoredCsv.Deflate(csv);
        using var back = new MemoryStream();
        StoredCsv.Inflate(stored, back);

        Assert.Equal(csv, back.ToArray());
        Assert.True(stored.Length < csv.Length / 5, $"{stored.Length} bytes stored for {csv.Length}");
        using var empty = new MemoryStream();
        StoredCsv.Inflate(StoredCsv.Deflate([]), empty);
        Assert.Equal(0, empty.Length);
    }

    /// <summary>current/line_items.csv after a publication as <paramref name="build"/> (the stamp removed, so it rebuilds).</summary>
    private byte[] Published(string? build)
    {
        File.Delete(Path.Combine(_bed.Current, DatasetStamp.FileName));
        using (var store = StateStore.Open(_bed.StatePath, build))
        {
            new DatasetPublisher(NullLogger.Instance).Publish(store, _bed.Output, jobs: 2);
        }

        return File.ReadAllBytes(Path.Combine(_bed.Current, "line_items.csv"));
    }

    private void SetStored(string documentId, string kind, string records)
    {
        using var db = _bed.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText =
            "UPDATE version_csv SET csv = $csv WHERE kind = $k AND version_id = (SELECT version_id FROM file_versions WHERE document_id = $d);";
        cmd.Parameters.AddWithValue("$csv", StoredCsv.Deflate(Encoding.UTF8.GetBytes(records)));
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$d", documentId);
        Assert.Equal(1, cmd.ExecuteNonQuery());
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
            using var csv = new MemoryStream();
            StoredCsv.Inflate(r.GetFieldValue<byte[]>(3), csv);
            list.Add((r.GetString(0), r.GetString(1), r.GetString(2), csv.ToArray()));
        }

        return list;
    }
}
