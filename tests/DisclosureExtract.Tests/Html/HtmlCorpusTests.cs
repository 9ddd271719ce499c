using System.Globalization;
using System.Text;
using CsvHelper;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using Xunit.Abstractions;

namespace DisclosureExtract.Tests.Html;

/// <summary>
/// The four corpus documents as web pages (corpus/html) against their text originals (corpus/text). The part
/// heading lines and table cells below were checked by hand in the HTML source (the h2 elements; the td
/// elements of the rows named, counted from the left).
/// </summary>
public class HtmlCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Documents => new() { "tekes-2023", "shanshan-2024", "bayingol-2023", "kizilsu-2025" };

    private static ConversionResult ConvertHtml(string id) =>
        new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("html", id + ".html"), id));

    private static ConversionResult ConvertText(string id) =>
        new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Facts_are_the_same_as_for_the_text_original(string id)
    {
        var html = ConvertHtml(id);
        var text = ConvertText(id);

        Assert.Equal(SourceFormat.Html, html.Format);
        Assert.Equal(ConversionStatus.Converted, html.Status);
        Assert.NotNull(html.Facts);
        Assert.NotNull(text.Facts);
        Assert.NotNull(html.Facts.UnitName);
        Assert.Equal(text.Facts.UnitName, html.Facts.UnitName);
        Assert.Equal(text.Facts.BudgetYear, html.Facts.BudgetYear);
        Assert.Equal(text.Facts.Scope, html.Facts.Scope);
        Assert.Equal(text.Facts.DocumentKind, html.Facts.DocumentKind);
        Assert.Equal(text.Facts.Staffing, html.Facts.Staffing);
        Assert.NotNull(html.Facts.Staffing.Authorized);
    }

    [Theory]
    [InlineData("tekes-2023", 43, 55, 355, 1020)]
    [InlineData("shanshan-2024", 43, 59, 369, 984)]
    [InlineData("bayingol-2023", 75, 81, 341, 551)]
    [InlineData("kizilsu-2025", 78, 95, 401, 647)]
    public void The_four_parts_start_at_their_h2_headings_not_in_the_contents(string id, int overview, int tables, int explanation, int glossary)
    {
        var html = ConvertHtml(id);
        var text = ConvertText(id);
        var lines = html.Source!.Lines;

        int StartOf(PartKind k) => lines[html.Parts.Single(p => p.Kind == k).StartLine].Number;

        Assert.Equal(4, html.Parts.Count);
        Assert.Equal(overview, StartOf(PartKind.Overview));
        Assert.Equal(tables, StartOf(PartKind.Tables));
        Assert.Equal(explanation, StartOf(PartKind.Explanation));
        Assert.Equal(glossary, StartOf(PartKind.Glossary));
        Assert.All(html.Parts, p => Assert.True(lines[p.StartLine].IsHeading));

        static string Squeeze(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal(text.Parts.Select(p => p.Kind), html.Parts.Select(p => p.Kind));

        // the text original may wrap a heading onto the next line; the page has it whole
        foreach (var (t, h) in text.Parts.Zip(html.Parts))
        {
            Assert.StartsWith(Squeeze(t.Heading), Squeeze(h.Heading), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_table_row_is_a_tab_joined_line_of_grid_cells(string id)
    {
        var lines = ConvertHtml(id).Source!.Lines;
        var rows = lines.Where(l => l.Cells is not null).ToList();

        Assert.True(rows.Count > 150, $"{rows.Count} table rows");
        foreach (var row in rows)
        {
            Assert.Equal(string.Join('\t', row.Cells!.Select(c => c.Text)), row.Text);
            Assert.Equal(Enumerable.Range(0, row.Cells!.Count), row.Cells.Select(c => c.Column ?? -1));
            Assert.Contains(row.Cells, c => c.Text.Length > 0);
        }

        // the 编制单位 … 单位：万元 line of every table is a two-cell row, as the facts extractor reads it
        Assert.Contains(rows, r => r.Cells!.Count == 2 && r.Cells[0].Text.StartsWith("编制", StringComparison.Ordinal) && r.Cells[1].Text.StartsWith("单位", StringComparison.Ordinal));
    }

    [Fact]
    public void Pages_read_in_parallel_give_the_same_lines_as_read_one_by_one()
    {
        List<string> ids = ["tekes-2023", "shanshan-2024", "bayingol-2023", "kizilsu-2025"];
        static string Dump(string id)
        {
            var path = TestPaths.Corpus("html", id + ".html");
            var doc = new Reading.HtmlDocumentReader().Read(id, path, File.ReadAllBytes(path), "");
            return string.Join('\n', doc.Lines.Select(l => $"{l.Number}:{l.IsHeading}:{l.Text}"));
        }

        var sequential = ids.ToDictionary(id => id, Dump);
        var parallel = new System.Collections.Concurrent.ConcurrentBag<(string Id, string Lines)>();
        Parallel.For(0, ids.Count * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel.Add((ids[i % ids.Count], Dump(ids[i % ids.Count]))));

        Assert.Equal(ids.Count * 3, parallel.Count);
        Assert.All(parallel, p => Assert.Equal(sequential[p.Id], p.Lines));
    }

    public static TheoryData<string, int, string, string> Table7Cells => new()
    {
        // shanshan-2024.html line 295: td 5 = 864.40, td 14 = 864.40, all other amount cells empty
        { "shanshan-2024", 295, "城乡居民基本医疗保险县财政补助资金（三保）", "项目支出合计=864.40;对社会保障基金补助=864.40" },
        // tekes-2023.html line 299: td 5 = 60.00, td 8 = 60.00
        { "tekes-2023", 299, "一次性改制企业医疗（本级）", "项目支出合计=60.00;对个人和家庭的补助=60.00" },
        // kizilsu-2025.html line 331: td 5 = 11.00, td 7 = 2.72, td 11 = 8.29
        { "kizilsu-2025", 331, "医疗保险经办费项目", "项目支出合计=11.00;商品和服务支出=2.72;资本性支出=8.29" },
    };

    [Theory]
    [MemberData(nameof(Table7Cells))]
    public void Table_7_economic_columns_resolve_under_their_two_row_header(string id, int sourceLine, string project, string expected)
    {
        var lines = ConvertHtml(id).Source!.Lines;
        var row = lines.Single(l => l.Number == sourceLine && l.Cells is not null);
        var header = lines.Take(row.Index).Last(l => l.Cells is { Count: > 3 } c && c[0].Text == "类" && c[1].Text == "款" && c[2].Text == "项");

        Assert.Equal(row.Cells!.Count, header.Cells!.Count);
        Assert.Equal(16, header.Cells.Count);
        Assert.Equal(["类", "款", "项", "科目名称", "项目名称", "项目支出合计"], header.Cells.Take(6).Select(c => c.Text));
        Assert.Equal(project, row.Cells[4].Text);
        var amounts = Enumerable.Range(5, row.Cells.Count - 5)
            .Where(i => row.Cells[i].Text.Length > 0)
            .Select(i => $"{header.Cells[i].Text}={row.Cells[i].Text}");
        Assert.Equal(expected, string.Join(';', amounts));
    }

    [Fact]
    public void Table_2_header_rows_name_every_column_and_spanning_titles_sit_over_their_columns()
    {
        var lines = ConvertHtml("tekes-2023").Source!.Lines;

        // tekes-2023.html lines 107-108: 功能分类科目编码 colspan 3, 功能分类科目名称 and 总计 rowspan 2, 财政拨款（补助） colspan 7
        var top = lines.Single(l => l.Number == 107).Cells!.Select(c => c.Text).ToList();
        var bottom = lines.Single(l => l.Number == 108).Cells!.Select(c => c.Text).ToList();
        Assert.Equal(16, top.Count);
        Assert.Equal(16, bottom.Count);
        Assert.Equal(["功能分类科目编码", "功能分类科目编码", "功能分类科目编码", "功能分类科目名称", "总计"], top.Take(5));
        Assert.All(top.Skip(5).Take(7), t => Assert.Equal("财政拨款（补助）", t));
        Assert.Equal(["类", "款", "项", "功能分类科目名称", "总计", "财政拨款（补助）小计", "一般公共预算"], bottom.Take(7));
        Assert.Equal(["财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余"], bottom.Skip(12));

        // line 130: <td colspan="4">合计</td> then the amounts from column 4
        var total = lines.Single(l => l.Number == 130).Cells!.Select(c => c.Text).ToList();
        Assert.Equal(["合计", "", "", "", "1258.45", "1181.95"], total.Take(6));
    }

    [Fact]
    public void An_html_error_page_is_not_a_budget_disclosure()
    {
        const string Page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>404 页面不存在</title></head>
            <body>
            <div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/czxx">财政预决算</a></div>
            <h1>404 Not Found</h1>
            <p>抱歉，您访问的页面不存在或已被删除。</p>
            <p><a href="/">返回首页</a></p>
            <hr><address>nginx</address>
            </body></html>
            """;
        var r = new DisclosurePipeline().Convert(new InputFile("budget-2024.pdf", "budget-2024"), Encoding.UTF8.GetBytes(Page));

        Assert.Equal(SourceFormat.Html, r.Format);
        Assert.NotNull(r.Source);
        Assert.Contains(r.Source.Lines, l => l.Text == "404 Not Found" && l.IsHeading);
        Assert.Empty(r.Parts);
        Assert.Empty(r.Tables);
        Assert.Equal(ConversionStatus.Failed, r.Status);
        Assert.StartsWith("not a budget disclosure", r.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Must show: the HTML pages give exactly the line items of the text originals' golden files (表7's economic
    /// columns included). The golden files come with the table recognizer (branch tables); until they are merged
    /// this test has nothing to compare and says so. Source line and page differ between HTML and text and are not compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public void Line_items_are_those_of_the_text_golden_file(string id)
    {
        var golden = TestPaths.Golden("line_items", id + ".csv");
        if (!File.Exists(golden))
        {
            output.WriteLine($"NOT COMPARED: {golden} does not exist yet (golden files come with the table recognizer)");
            return;
        }

        var (header, expected) = ReadGolden(golden);
        string[] notCompared = ["source_line", "source_page", "document_id"];
        var compared = header.Where(h => !notCompared.Contains(h) && typeof(LineItemRow).GetProperty(h) is not null).ToList();
        Assert.Contains("column_key", compared);
        Assert.Contains("amount", compared);

        var actual = OutputRows.LineItems(ConvertHtml(id))
            .Select(r => string.Join(',', compared.Select(c => Convert.ToString(typeof(LineItemRow).GetProperty(c)!.GetValue(r), CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var wanted = GoldenRenderings.WithoutTextOnly(id, expected.Select(row => string.Join(',', compared.Select(c => row[c]))).ToList(),
            row => string.Join(',', compared.Select(c => row[c]))).Order(StringComparer.Ordinal).ToList();

        var missing = wanted.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(wanted, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && wanted.Count == actual.Count,
            $"{id}: columns {string.Join(',', compared)}\nmissing ({missing.Count}):\n{string.Join('\n', missing.Take(40))}\nextra ({extra.Count}):\n{string.Join('\n', extra.Take(40))}");
        Assert.Contains(actual, a => a.Length > 0);
    }

    /// <summary>Reads a golden CSV; lines before the header that start with # are notes.</summary>
    private static (List<string> Header, List<Dictionary<string, string>> Rows) ReadGolden(string path)
    {
        var text = string.Join('\n', File.ReadAllLines(path, Encoding.UTF8).Where(l => !l.StartsWith('#')));
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = csv.GetField(i) ?? string.Empty;
            }

            rows.Add(row);
        }

        return (header, rows);
    }
}
