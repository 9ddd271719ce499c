using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Pdf;

public class PdfReaderTests
{
    [Theory]
    [InlineData("tekes-2023")]
    [InlineData("shanshan-2024")]
    [InlineData("bayingol-2023")]
    [InlineData("kizilsu-2025")]
    public void A_rendered_pdf_gives_the_facts_and_parts_of_its_text_original(string id)
    {
        var pipeline = new DisclosurePipeline();
        var text = pipeline.Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));
        var pdf = pipeline.Convert(new InputFile(TestPaths.Corpus("pdf", id + ".pdf"), id));

        Assert.Equal(ConversionStatus.Converted, pdf.Status);
        Assert.Equal(SourceFormat.Pdf, pdf.Format);
        Assert.NotNull(text.Facts);
        Assert.NotNull(pdf.Facts);
        Assert.Equal(text.Facts, pdf.Facts with { UnitNameLine = text.Facts.UnitNameLine });
        Assert.Equal(text.Parts.Select(p => p.Kind), pdf.Parts.Select(p => p.Kind));

        // the same headings start the parts (a heading wrapped onto two lines starts with the same words)
        foreach (var (t, p) in text.Parts.Zip(pdf.Parts))
        {
            var th = PdfCorpus.Squeeze(t.Heading);
            var ph = PdfCorpus.Squeeze(p.Heading);
            Assert.True(th.StartsWith(ph, StringComparison.Ordinal) || ph.StartsWith(th, StringComparison.Ordinal), $"{th} / {ph}");
        }

        Assert.All(pdf.Source!.Lines, l => Assert.NotNull(l.Page));
    }

    /// <summary>
    /// 表2 and 表7 of tekes-2023.pdf against the HTML rendering of the same document (corpus/html/tekes-2023.html):
    /// every data row, cell by cell, empty cells included, so every amount is in its grid column.
    /// </summary>
    [Theory]
    [InlineData("单位收入总体情况表", "上级一般公共预算安排的转移支付")]
    [InlineData("一般公共预算项目支出情况表", "对个人和家庭的补助")]
    [InlineData("一般公共预算基本支出情况表", "人员经费")]
    public void Tekes_table_rows_have_the_cells_of_the_html_rendering_in_the_same_columns(string title, string headerWord)
    {
        var rows = PdfCorpus.TableRows(PdfCorpus.Read("tekes-2023"), title);
        var pdfData = rows.Where(r => Regex.IsMatch(r.Cells![0].Text, @"^\d{3}$")).Select(r => r.Cells!.Select(c => PdfCorpus.Squeeze(c.Text)).ToList()).ToList();

        var html = new HtmlParser().ParseDocument(File.ReadAllText(TestPaths.Corpus("html", "tekes-2023.html")));
        var table = html.QuerySelectorAll("table").First(t => t.TextContent.Contains(headerWord, StringComparison.Ordinal)
            && t.QuerySelectorAll("tr").Any(tr => Regex.IsMatch(tr.Children.FirstOrDefault()?.TextContent.Trim() ?? "", @"^\d{3}$")));
        var htmlData = table.QuerySelectorAll("tr")
            .Select(tr => tr.Children.Select(c => Regex.Replace(c.TextContent, @"\s+", "")).ToList())
            .Where(cells => cells.Count > 0 && Regex.IsMatch(cells[0], @"^\d{3}$"))
            .ToList();

        Assert.NotEmpty(htmlData);
        Assert.Equal(htmlData.Count, pdfData.Count);
        for (var i = 0; i < htmlData.Count; i++)
        {
            Assert.Equal(htmlData[i], pdfData[i]);
        }

        // column indices are grid columns: every row has one cell per column, numbered 0..n-1
        Assert.All(rows, r => Assert.Equal(Enumerable.Range(0, rows[0].Cells!.Count), r.Cells!.Select(c => c.Column ?? -1)));
        Assert.All(rows, r => Assert.Equal(TextNormalizer(r.Text), r.Norm));
    }

    [Fact]
    public void Table_cells_carry_their_x_extents_and_header_cells_sit_over_their_numbers()
    {
        var rows = PdfCorpus.TableRows(PdfCorpus.Read("tekes-2023"), "一般公共预算项目支出情况表");
        var header = rows.First(r => r.Cells!.Any(c => c.Text == "商品和服务支出"));
        var goods = header.Cells!.Single(c => c.Text == "商品和服务支出");
        var row = rows.Single(r => r.Cells![3].Text == "医疗保障管理事务");

        Assert.Equal("10.00", row.Cells![goods.Column!.Value].Text);
        Assert.All(row.Cells!, c => Assert.True(c.Left < c.Right));
        Assert.Equal(goods.Left, row.Cells![goods.Column.Value].Left);
        Assert.Equal(9, row.Page);
    }

    [Fact]
    public void Page_numbers_are_dropped_and_lines_are_numbered_per_page()
    {
        var doc = PdfCorpus.Read("tekes-2023");

        Assert.Equal(41, doc.PageCount);
        // tekes prints its page numbers as -1- … -41- under the text (pdftotext -layout shows them)
        Assert.DoesNotContain(doc.Lines, l => Regex.IsMatch(l.Norm, @"^-\s*\d{1,3}\s*-$"));
        Assert.Equal("增加 0 人。", doc.Lines.Last(l => l.Page == 2).Text);
        foreach (var page in doc.Lines.GroupBy(l => l.Page))
        {
            Assert.Equal(Enumerable.Range(1, page.Count()), page.Select(l => l.Number));
        }

        Assert.Equal(Enumerable.Range(0, doc.Lines.Count), doc.Lines.Select(l => l.Index));
        Assert.Contains(doc.Lines, l => l.Page == 2 && l.Norm.Contains("编制数 17", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_continued_on_the_next_page_is_joined_and_its_repeated_header_dropped()
    {
        // govoffice: 一般公共预算支出功能分类预算表 runs from page 14 to page 15, which repeats the header rows
        var doc = PdfCorpus.Read("shanghai_putuo_govoffice_2025_dept_budget");
        var rows = PdfCorpus.TableRows(doc, "2025年部门一般公共预算支出功能分类预算表");

        Assert.Equal([14, 15], rows.Select(r => r.Page!.Value).Distinct());
        Assert.Single(rows, r => r.Norm.Contains("功能分类科目名称", StringComparison.Ordinal));
        var total = rows.Single(r => r.Cells![0].Text == "合计");
        Assert.Equal(["91,016,775.35", "24,606,775.35", "66,410,000.00"], total.Cells!.Skip(4).Select(c => c.Text));
        var first = rows.First(r => r.Page == 15);
        Assert.Equal(["210", "11", "", "行政事业单位医疗", "1,097,073.43", "1,097,073.43", ""], first.Cells!.Select(c => c.Text));
    }

    [Fact]
    public void A_continued_block_whose_merged_cells_hide_some_rules_keeps_the_grid_columns()
    {
        // wanli: page 15 holds only the 合计 row of 部门收入预算总表, whose merged cell hides the 类/款/项 rules
        var rows = PdfCorpus.TableRows(PdfCorpus.Read("shanghai_putuo_wanli_street_2024_dept_budget"), "2024年部门收入预算总表");
        var header = rows.First(r => r.Cells!.Any(c => c.Text == "合计"));
        var totalColumn = header.Cells!.Single(c => c.Text == "合计").Column!.Value;
        var total = rows.Single(r => r.Cells![0].Text == "合计");

        Assert.Equal(15, total.Page);
        Assert.Equal(header.Cells!.Count, total.Cells!.Count);
        Assert.Equal("156,211,123", total.Cells![totalColumn].Text);
    }

    [Theory]
    [InlineData("shanghai_putuo_govoffice_2025_dept_budget", 8)]
    [InlineData("shanghai_putuo_wanli_street_2024_dept_budget", 10)]
    public void Shanghai_budgets_have_all_four_parts_and_the_tables_start_at_the_first_table(string id, int tablesPage)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("pdf", id + ".pdf"), id));

        Assert.Equal(ConversionStatus.Converted, r.Status);
        Assert.Equal(Enum.GetValues<PartKind>().Order(), r.Parts.Select(p => p.Kind).Distinct().Order());
        var tables = r.Parts.Single(p => p.Kind == PartKind.Tables);
        var first = r.Source!.Lines[tables.StartLine];
        Assert.Equal(tablesPage, first.Page);
        Assert.EndsWith("财务收支预算总表", first.Norm, StringComparison.Ordinal);
        var overview = r.Parts.First(p => p.Kind == PartKind.Overview);
        Assert.EndsWith("主要职能", r.Source.Lines[overview.StartLine].Norm, StringComparison.Ordinal);
        Assert.Contains("单位:元", PdfCorpus.Squeeze(r.Source.Lines[tables.StartLine + 1].Norm), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_turned_by_its_rotate_entry_reads_as_written()
    {
        // Fixtures/tekes-2023-page4-rotate90.pdf: page 4 (表2) of tekes-2023.pdf with /Rotate 90 (qpdf --rotate=+90)
        var path = Path.Combine(TestPaths.Root, "tests", "DisclosureExtract.Tests", "Pdf", "Fixtures", "tekes-2023-page4-rotate90.pdf");
        var turned = new DisclosureExtract.Reading.PdfDocumentReader().Read("r", path, File.ReadAllBytes(path), "");
        var upright = PdfCorpus.Read("tekes-2023").Lines.Where(l => l.Page == 4).ToList();

        Assert.Equal(upright.Select(l => (l.Number, l.Text)), turned.Lines.Select(l => (l.Number, l.Text)));
        Assert.Equal(upright.Where(l => l.Cells is not null).Select(l => l.Cells!.Select(c => c.Column)),
            turned.Lines.Where(l => l.Cells is not null).Select(l => l.Cells!.Select(c => c.Column)));
    }

    /// <summary>
    /// Final accounts (决算) from Shanghai print 第二部分 only in their contents (page 2, 目录): the parts are the
    /// body's headings, and the tables start at the first 决算表 title (pages checked with pdftotext -layout).
    /// </summary>
    [Theory]
    [InlineData("shanghai_putuo_planning_2024_final_accounts", 4, 7, 20, 29)]
    [InlineData("final_accounts_template_2024", 4, 5, 15, 22)]
    public void Contents_pages_do_not_start_parts(string id, int overview, int tables, int explanation, int glossary)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("pdf", id + ".pdf"), id));

        Assert.NotEqual(ConversionStatus.Failed, r.Status); // the parts are what this test is about; its tables are the final-accounts tests'
        int PageOf(PartKind k) => r.Source!.Lines[r.Parts.Single(p => p.Kind == k).StartLine].Page!.Value;
        Assert.Equal([overview, tables, explanation, glossary], [PageOf(PartKind.Overview), PageOf(PartKind.Tables), PageOf(PartKind.Explanation), PageOf(PartKind.Glossary)]);
        Assert.EndsWith("决算表", r.Source!.Lines[r.Parts.Single(p => p.Kind == PartKind.Tables).StartLine].Norm, StringComparison.Ordinal);
    }

    private static string TextNormalizer(string s) => DisclosureExtract.Text.TextNormalizer.Fold(s);
}
