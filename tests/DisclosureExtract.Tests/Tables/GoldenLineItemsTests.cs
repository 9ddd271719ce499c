using System.Text;
using DisclosureExtract.Export;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Tables;

/// <summary>
/// Every non-empty table cell of the four text documents, compared exactly with golden files that were derived
/// from the documents' HTML renderings (every cell in its grid column) and checked by hand against the text
/// (see Golden/line_items/*.notes.md).
/// </summary>
public class GoldenLineItemsTests
{
    private const string Header = "table_no,table_key,code,code_level,row_key,item_name,project_name,column_key,amount,unit,amount_cny";

    [Theory]
    [InlineData("tekes-2023")]
    [InlineData("shanshan-2024")]
    [InlineData("bayingol-2023")]
    [InlineData("kizilsu-2025")]
    public void Line_items_match_the_golden_file_cell_by_cell(string id)
    {
        var golden = File.ReadAllLines(TestPaths.Golden("line_items", id + ".csv"), Encoding.UTF8)
            .Where(l => l.Length > 0).ToList();
        Assert.Equal(Header, golden[0]);
        var expected = golden.Skip(1).Order(StringComparer.Ordinal).ToList();

        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));
        var actual = OutputRows.LineItems(r).Select(Format).Order(StringComparer.Ordinal).ToList();

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        var diff = new StringBuilder();
        foreach (var m in missing)
        {
            diff.Append("\n  missing: ").Append(m);
        }

        foreach (var e in extra)
        {
            diff.Append("\n  extra:   ").Append(e);
        }

        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"{id}: {expected.Count} expected cells, {actual.Count} produced, {missing.Count} missing, {extra.Count} extra{diff}");
    }

    private static string Format(LineItemRow x) => string.Join(',', new[]
    {
        x.table_no.ToString(System.Globalization.CultureInfo.InvariantCulture), x.table_key, x.code, x.code_level, x.row_key,
        x.item_name, x.project_name, x.column_key, x.amount, x.unit, x.amount_cny,
    }.Select(Quote));

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
