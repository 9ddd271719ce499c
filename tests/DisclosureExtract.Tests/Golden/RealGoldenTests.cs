using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Golden;

/// <summary>Converts every PDF of corpus/real once per test run (two at a time), for <see cref="RealGoldenTests"/>.</summary>
public sealed class RealCorpusFixture
{
    private readonly ConcurrentDictionary<string, Lazy<ConversionResult>> results = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Documents { get; } = Directory.GetFiles(TestPaths.Corpus("real"), "*.pdf")
        .Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToList();

    public RealCorpusFixture()
    {
        // start the conversions now, two at a time; a test waits for its own document
        Task.Run(() => Parallel.ForEach(Documents, new ParallelOptions { MaxDegreeOfParallelism = 2 }, id => _ = Get(id)));
    }

    public ConversionResult Get(string id) =>
        results.GetOrAdd(id, k => new Lazy<ConversionResult>(
            () => new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("real", k + ".pdf"), k)),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

/// <summary>
/// Every document of corpus/real against its golden file (Golden/real/&lt;document&gt;.csv: every cell of every table the tool
/// reads, checked independently on the PDF's text by pdftotext -layout and by arithmetic: see Golden/real/README.md).
/// Cells the tool still misreads are in Golden/real/known_misreads.csv (the golden file holds the printed value): the test
/// passes when every golden cell is read except those, and fails when a listed misread is fixed, so that the list shrinks;
/// likewise tables read under another table's number (Golden/real/known_table_misreads.csv).
/// Cells not yet settled by hand are in Golden/real/unverified.csv and are left out on both sides.
/// </summary>
public sealed partial class RealGoldenTests(RealCorpusFixture fixture) : IClassFixture<RealCorpusFixture>
{
    public static TheoryData<string> Documents => new(RealCorpusFixture.Documents);

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#' };

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static string Squeeze(string s) => WhiteSpace().Replace(s, string.Empty);

    /// <summary>The golden file's key of a line item: table_no, table_key, sub_unit, code, row, project, column_key, amount, page.</summary>
    private static string Key(LineItemRow i)
    {
        var row = i.code.Length > 0 ? string.Empty : i.row_key is "" or "sub_unit" ? Squeeze(i.item_name) : i.row_key;
        return Join(i.table_no.ToString(CultureInfo.InvariantCulture), i.table_key, i.sub_unit, i.code, row, Squeeze(i.project_name), i.column_key, i.amount, i.source_page);
    }

    private static string Join(params string[] fields) => string.Join('|', fields);

    private static List<Dictionary<string, string>> Read(string file)
    {
        var path = TestPaths.Golden("real", file);
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, Config);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty, StringComparer.Ordinal));
        }

        return rows;
    }

    private static string GoldenKey(Dictionary<string, string> g, string amount) =>
        Join(g["table_no"], g["table_key"], g["sub_unit"], g["code"], g["row"], g["project"], g["column_key"], amount, g["page"]);

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_document_gives_exactly_its_golden_cells(string id)
    {
        var r = fixture.Get(id);
        Assert.True(File.Exists(TestPaths.Golden("real", id + ".csv")), $"{id}: no golden file Golden/real/{id}.csv (make it with Golden/real/tools/real_check.py)");
        var expected = Read(id + ".csv").Select(g => GoldenKey(g, g["amount"])).ToList();
        var items = OutputRows.LineItems(r).ToList();

        // tables read under another table's number and key (known_table_misreads.csv): compared as the printed table
        var fixedTables = new List<string>();
        foreach (var t in Read("known_table_misreads.csv").Where(t => t["document"] == id))
        {
            var pages = t["pages"].Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            bool Misread(LineItemRow i) => i.table_no.ToString(CultureInfo.InvariantCulture) == t["actual_table_no"] && i.table_key == t["actual_table_key"]
                && int.Parse(i.source_page, CultureInfo.InvariantCulture) is var p && p >= pages[0] && p <= pages[^1];
            if (!items.Any(Misread))
            {
                fixedTables.Add($"pages {t["pages"]}: no cell is read as 表{t["actual_table_no"]} {t["actual_table_key"]} any more (expected 表{t["expected_table_no"]} {t["expected_table_key"]})");
                continue;
            }

            items = items.Select(i => Misread(i) ? i with { table_no = int.Parse(t["expected_table_no"], CultureInfo.InvariantCulture), table_key = t["expected_table_key"] } : i).ToList();
        }

        var actual = items.Select(Key).ToList();

        foreach (var u in Read("unverified.csv").Where(u => u["document"] == id))
        {
            var key = GoldenKey(u, u["amount"]);
            Assert.True(actual.Remove(key), $"{id}: the unverified cell {key} (Golden/real/unverified.csv) is no longer read: settle it and re-run real_check.py --write");
        }

        var missing = Multiset(expected);
        var extra = Multiset(actual);
        foreach (var k in missing.Keys.Where(extra.ContainsKey).ToList())
        {
            var n = Math.Min(missing[k], extra[k]);
            missing[k] -= n;
            extra[k] -= n;
        }

        var fixedMisreads = new List<string>();
        foreach (var m in Read("known_misreads.csv").Where(m => m["document"] == id))
        {
            var want = m["expected"].Length > 0 ? GoldenKey(m, m["expected"]) : null;
            var today = m["actual"].Length > 0 ? GoldenKey(m, m["actual"]) : null;
            var stillWrong = (want is null || missing.GetValueOrDefault(want) > 0) && (today is null || extra.GetValueOrDefault(today) > 0);
            if (!stillWrong)
            {
                fixedMisreads.Add($"{want ?? "(nothing printed)"} (was read as {today ?? "nothing"})");
                continue;
            }

            if (want is not null)
            {
                missing[want]--;
            }

            if (today is not null)
            {
                extra[today]--;
            }
        }

        var miss = missing.Where(kv => kv.Value > 0).SelectMany(kv => Enumerable.Repeat(kv.Key, kv.Value)).Order(StringComparer.Ordinal).ToList();
        var ext = extra.Where(kv => kv.Value > 0).SelectMany(kv => Enumerable.Repeat(kv.Key, kv.Value)).Order(StringComparer.Ordinal).ToList();
        var message = new StringBuilder();
        if (miss.Count > 0 || ext.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{id}: {miss.Count} golden cells not read, {ext.Count} cells read that are not in the golden file");
            message.AppendLine("(key: table_no|table_key|sub_unit|code|row|project|column_key|amount|page)");
            foreach (var k in miss.Take(40))
            {
                message.AppendLine("  - golden " + k);
            }

            foreach (var k in ext.Take(40))
            {
                message.AppendLine("  + read   " + k);
            }
        }

        if (fixedTables.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{id}: {fixedTables.Count} known table misreads are fixed: remove them from Golden/real/known_table_misreads.csv");
            foreach (var f in fixedTables)
            {
                message.AppendLine("  fixed " + f);
            }
        }

        if (fixedMisreads.Count > 0)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"{id}: {fixedMisreads.Count} known misreads are read correctly now: remove them from Golden/real/known_misreads.csv (and corrections.csv keeps the printed value)");
            foreach (var f in fixedMisreads)
            {
                message.AppendLine("  fixed " + f);
            }
        }

        Assert.True(message.Length == 0, message.ToString());
    }

    [Fact]
    public void Every_real_document_has_a_golden_file_and_every_listed_cell_names_one()
    {
        foreach (var id in RealCorpusFixture.Documents)
        {
            Assert.True(File.Exists(TestPaths.Golden("real", id + ".csv")), id);
        }

        var known = RealCorpusFixture.Documents.ToHashSet(StringComparer.Ordinal);
        Assert.All(Read("known_misreads.csv"), m => Assert.Contains(m["document"], known));
        Assert.All(Read("unverified.csv"), m => Assert.Contains(m["document"], known));
        Assert.All(Read("known_table_misreads.csv"), m => Assert.Contains(m["document"], known));
    }

    private static Dictionary<string, int> Multiset(IEnumerable<string> keys)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            d[k] = d.GetValueOrDefault(k) + 1;
        }

        return d;
    }
}
