using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosureExtract.Catalog;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;
using DisclosureExtract.Reference;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Tests.FinalAccounts;

/// <summary>
/// The final-accounts (决算) documents of the corpus against their golden files (Golden/final_accounts/, made from the PDF
/// reader's grid and checked by pdftotext -layout and by arithmetic: see the notes at their top): every printed amount in
/// its table, row and column; the blank Shanghai template's tables, header columns and row keys; and the kind of every
/// corpus document.
/// </summary>
public sealed class FinalAccountsGoldenTests
{
    public static TheoryData<string, string> Documents => new()
    {
        { "pdf", "shanghai_putuo_planning_2024_final_accounts" },
        { "real", "foshan_rail_transit_bureau_2019_dept_final_accounts" },
    };

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#' };

    private static List<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(TestPaths.Golden("final_accounts", file));
        using var csv = new CsvReader(reader, Config);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    private static ConversionResult Convert(string folder, string id) =>
        new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus(folder, id + ".pdf"), id));

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_pipeline_gives_exactly_the_golden_line_items(string folder, string id)
    {
        var r = Convert(folder, id);
        Assert.Equal(ConversionStatus.Converted, r.Status);
        Assert.Equal("final_accounts", r.Kind);

        static string Key(string no, string key, string code, string level, string rowKey, string column, string amount, string unit, string page) =>
            string.Join('|', no, key, code, level, rowKey, column, amount, unit, page);
        var expected = Read(id + ".csv").Select(g => Key(g["table_no"], g["table_key"], g["code"], g["code_level"], g["row_key"], g["column_key"], g["amount"], g["unit"], g["source_page"]));
        var actual = OutputRows.LineItems(r).Select(i => Key(i.table_no.ToString(CultureInfo.InvariantCulture), i.table_key, i.code, i.code_level, i.row_key, i.column_key, i.amount, i.unit, i.source_page));
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing: {string.Join("; ", missing.Take(10))}\nextra: {string.Join("; ", extra.Take(10))}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.All(OutputRows.LineItems(r), i => Assert.Equal("final_accounts", i.kind));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Coded_rows_carry_their_printed_names_and_every_amount_its_printed_header(string folder, string id)
    {
        var r = Convert(folder, id);
        static string Key(string key, string code, string rowKey, string column, string amount, string page) => string.Join('|', key, code, rowKey, column, amount, page);
        var items = OutputRows.LineItems(r).ToLookup(i => Key(i.table_key, i.code, i.row_key, i.column_key, i.amount, i.source_page));
        foreach (var g in Read(id + ".csv"))
        {
            var item = items[Key(g["table_key"], g["code"], g["row_key"], g["column_key"], g["amount"], g["source_page"])].First();
            Assert.Equal(g["column_label"], item.column_label);
            if (g["code"].Length > 0)
            {
                Assert.Equal(g["item_name"], item.item_name);
            }
        }
    }

    [Fact]
    public void The_template_is_final_accounts_with_its_nine_tables_printed_blank_and_partial()
    {
        var r = Convert("pdf", "final_accounts_template_2024");
        var tables = Read("final_accounts_template_2024.structure.csv").Where(g => g["what"] == "table").ToList();

        Assert.Equal("final_accounts", r.Kind);
        Assert.Equal(ConversionStatus.Partial, r.Status);
        Assert.Equal("tables printed but not read: all 9 tables found are empty (no amounts)", r.Error);
        Assert.Equal(tables.Select(g => $"{g["table_no"]}|{g["table_key"]}|{g["title"]}|{g["source_page"]}"),
            r.Tables.Select(t => $"{t.TableNo}|{t.TableKey}|{t.Title}|{r.Source!.Lines[t.StartLine].Page}"));
        Assert.All(r.Tables, t => Assert.True(t.IsEmpty));
        Assert.Empty(OutputRows.LineItems(r));
    }

    [Fact]
    public void The_template_s_headers_name_the_golden_columns_and_its_row_labels_the_golden_keys()
    {
        var path = TestPaths.Corpus("pdf", "final_accounts_template_2024.pdf");
        var doc = new PdfDocumentReader().Read("t", path, File.ReadAllBytes(path), "");
        var catalog = Catalogs.FinalAccounts;
        var golden = Read("final_accounts_template_2024.structure.csv");
        var segments = TableSegmenter.Find(doc, [], catalog);
        Assert.Equal(9, segments.Count);
        foreach (var seg in segments)
        {
            var mine = golden.Where(g => g["table_key"] == seg.Kind.Key).ToList();

            // columns: every money column of the golden file is a grid column whose printed header names its key
            var body = TableBodyReader.Read(doc, seg, catalog, new TableScratch());
            var columns = body.CellColumns.Select(kv => $"{body.HeaderLabels![kv.Key]}={kv.Value}").ToList();
            foreach (var g in mine.Where(g => g["what"] == "column"))
            {
                Assert.Contains($"{g["label"]}={g["key"]}", columns);
            }

            // rows: the catalog's row keys (each side in printed order) and the reference's 类 codes for the printed labels
            var set = catalog.RowSetOf(seg.Kind);
            var matchers = new Dictionary<string, RowKeyMatcher?>(StringComparer.Ordinal);
            foreach (var g in mine.Where(g => g["what"] == "row" && (!g["key"].All(char.IsAsciiDigit) || g["side"] == "expenditure")))
            {
                var side = g["side"];
                if (!matchers.TryGetValue(side, out var m))
                {
                    m = set is null ? null : new RowKeyMatcher(set);
                    matchers[side] = m;
                }

                var label = g["label"];
                var key = (side == "expenditure" ? CodeByName.Function.Class(label) : null)
                    ?? m?.KeyOf(label, side.Length > 0 ? side : null)
                    ?? (LineSyntax.IsTotalLabel(label) ? "total" : null);
                Assert.True(g["key"] == key, $"{seg.Kind.Key} {side} {label}: {key}, golden {g["key"]}");
            }
        }
    }

    [Fact]
    public void Every_corpus_document_has_the_kind_its_title_and_tables_say()
    {
        var final = new HashSet<string>(StringComparer.Ordinal)
        {
            "shanghai_putuo_planning_2024_final_accounts", "final_accounts_template_2024", "foshan_rail_transit_bureau_2019_dept_final_accounts",
        };
        var pipeline = new DisclosurePipeline();
        var files = new[] { "text", "html", "pdf", "real" }
            .SelectMany(f => Directory.EnumerateFiles(TestPaths.Corpus(f)).Where(p => Path.GetExtension(p) is ".txt" or ".html" or ".pdf"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 50, $"{files.Count} corpus documents");
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, path =>
        {
            var id = Path.GetFileNameWithoutExtension(path);
            var r = pipeline.ConvertWithoutTimeLimit(new InputFile(path, id));
            if (r.Status == ConversionStatus.Failed)
            {
                Assert.Null(r.Kind); // a file that is no disclosure (the text-only half of a split publication) has no kind
                return;
            }

            Assert.True((final.Contains(id) ? "final_accounts" : "budget") == r.Kind, $"{id}: {r.Kind}");
        });
    }
}
