using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DisclosureExtract.Export;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>
/// The four rendered PDFs must give exactly the line items of their text originals: every cell, 表7's
/// economic columns included. The reference is the text original's golden file in Golden/line_items/
/// (checked by hand by the tables work) when it exists, otherwise the text original converted now.
/// Provenance (source_page, source_line) differs by nature and is not compared.
/// </summary>
public class PdfLineItemsTests
{
    private static readonly string[] Compared =
        ["table_no", "table_key", "code", "code_level", "row_key", "item_name", "project_name", "column_key", "amount", "unit"];

    public static TheoryData<string> RenderedDocuments => new() { "tekes-2023", "shanshan-2024", "bayingol-2023", "kizilsu-2025" };

    [Theory]
    [MemberData(nameof(RenderedDocuments))]
    public void A_rendered_pdf_gives_exactly_the_line_items_of_its_text_original(string id)
    {
        var pipeline = new DisclosurePipeline();
        var pdf = pipeline.Convert(new InputFile(TestPaths.Corpus("pdf", id + ".pdf"), id));
        var golden = GoldenFile(id);
        List<string> expected;
        IReadOnlyList<string> columns;
        if (golden is not null)
        {
            (columns, expected) = ReadGolden(golden);
            var keyColumns = columns;
            expected = GoldenRenderings.WithoutTextOnly(id, expected, row => string.Join('|', keyColumns.Select(c => row[c])));
        }
        else
        {
            columns = Compared;
            expected = Keys(OutputRows.LineItems(pipeline.Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id))), columns);
        }

        var actual = Keys(OutputRows.LineItems(pdf), columns);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static string? GoldenFile(string id)
    {
        var dir = TestPaths.Golden("line_items");
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, id + "*.csv").Where(f => !Path.GetFileName(f).Contains(".pdf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static List<string> Keys(IEnumerable<LineItemRow> rows, IReadOnlyList<string> columns)
    {
        var props = columns.Select(c => typeof(LineItemRow).GetProperty(c) ?? throw new InvalidOperationException(c)).ToList();
        return rows.Select(r => string.Join('|', props.Select(p => System.Convert.ToString(p.GetValue(r), CultureInfo.InvariantCulture)))).ToList();
    }

    /// <summary>A golden CSV (comment lines start with #): the compared columns it has, and its rows as keys.</summary>
    private static (IReadOnlyList<string> Columns, List<string> Rows) ReadGolden(string path)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#' };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var columns = Compared.Where(c => header.Contains(c, StringComparer.Ordinal)).ToList();
        var rows = new List<string>();
        while (csv.Read())
        {
            rows.Add(string.Join('|', columns.Select(c => csv.GetField(c) ?? string.Empty)));
        }

        return (columns, rows);
    }
}
