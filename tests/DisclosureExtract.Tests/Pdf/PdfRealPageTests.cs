using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>
/// Single pages of real disclosures of other publishers (Fixtures/, copied with PdfPig's PdfMerger from
/// corpus/real/): each shows one layout the reader has to read as pdftotext -layout does.
/// </summary>
public class PdfRealPageTests
{
    private static SourceDocument Fixture(string name)
    {
        var path = Path.Combine(TestPaths.Root, "tests", "DisclosureExtract.Tests", "Pdf", "Fixtures", name);
        return new PdfDocumentReader().Read(name, path, File.ReadAllBytes(path), "");
    }

    private static string[] Cells(DocLine line) => line.Cells!.Select(c => c.Text).ToArray();

    private static DocLine Row(SourceDocument doc, int column, string text) =>
        doc.Lines.Single(l => l.Cells is not null && l.Cells[column].Text == text);

    [Fact]
    public void A_page_whose_text_is_drawn_turned_against_its_rotate_entry_reads_left_to_right()
    {
        // yantai_govoffice_2026_dept_budget.pdf page 10 (公开表2): /Rotate 90, the text drawn turned so that it
        // reads left to right once displayed; reading it "as written" gave vertical fragments (入收款拨, one digit a line)
        var doc = Fixture("yantai-govoffice-2026-page10-turned-text.pdf");

        Assert.Equal(["公开表2", "收入总体情况表", "部门（单位）：烟台市人民政府办公室 单位：万元"], doc.Lines.Take(3).Select(l => l.Text));
        Assert.Equal(["201", "", "", "一般公共服务支出", "8,105.31", "8,012.30", "8,012.30", "", "", "", "", "", "93.01", "", "", "", ""],
            Cells(Row(doc, 3, "一般公共服务支出")));
        Assert.Equal(["", "03", "", "政府办公厅（室）及相关机构事务", "8,105.31"], Cells(Row(doc, 1, "03")).Take(5));
        var header = doc.Lines.First(l => l.Cells is not null);
        Assert.Equal(["科目编码", "", "", "科目名称", "合计", "财政拨款收入"], Cells(header).Take(6));
    }

    [Fact]
    public void A_tall_ruled_row_whose_number_and_name_wrap_in_narrow_cells_is_one_row()
    {
        // wuxi_transport_bureau_2026_unit_budget.pdf page 15 (公开02表 收入总表): the narrow columns wrap 143,999.00 as
        // 143,999.0 / 0 and the name as 无锡市交通运输局（本级 / ）, above and below the row's one-line cells
        var doc = Fixture("wuxi-transport-2026-page15-wrapped-numbers.pdf");

        var rows = doc.Lines.Where(l => l.Cells is not null).ToList();
        Assert.Equal(4, rows.Count); // two header rows, 合计 and the unit
        Assert.Equal(["合计", "", "984,760.87", "984,760.87", "196,278.67", "143,999.00", "32,640.00", "", "", "", "", "", "611,843.20"],
            Cells(rows[2]).Take(13));
        Assert.Equal(["313001", "无锡市交通运输局（本级）", "984,760.87", "984,760.87", "196,278.67", "143,999.00", "32,640.00"],
            Cells(rows[3]).Take(7));
    }

    [Fact]
    public void Numbers_wrapped_at_any_place_are_joined_and_the_row_keeps_its_values()
    {
        // shenzhen_4425c7b0.pdf page 24 (表5 项目支出总表): 1,264,602 / .38 and 1,263,231.7 / 8 wrap in their cells,
        // the name 深圳市发展和改革委员会 / （本级） too, while the row's other amounts sit on the middle line
        var doc = Fixture("shenzhen-4425c7b0-page24-wrapped-numbers.pdf");

        Assert.Equal(["深圳市发展和改革委员会（本级）", "1,264,602.38", "1,263,231.78", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "1,370.60"],
            Cells(Row(doc, 0, "深圳市发展和改革委员会（本级）")));
        Assert.Equal(["创新能力建设和高新技术发展业务", "809.82", "809.82"], Cells(Row(doc, 0, "创新能力建设和高新技术发展业务")).Take(3));
        Assert.Equal(9, doc.Lines.Count(l => l.Cells is not null && l.Cells[1].Text.Contains('.', StringComparison.Ordinal)));
    }

    [Fact]
    public void An_empty_margin_column_without_rules_does_not_tie_the_rows_of_a_ruled_table_together()
    {
        // beijing_audit_bureau_2026_dept_budget_tables.pdf page 1 (预算01表 收支总表): every row is ruled, but the rules
        // start right of a thin empty margin column, which thus reads as one cell over all rows; it used to join the
        // rows into groups of three (labels concatenated, one amount a group)
        var doc = Fixture("beijing-audit-2026-tables-page1-margin-column.pdf");

        Assert.Equal(["", "一、一般公共预算拨款收入", "32,365.090089", "一、一般公共服务支出", "26,661.064552", ""], Cells(Row(doc, 3, "一、一般公共服务支出")));
        Assert.Equal(["", "五、事业收入", "", "五、教育支出", "122.800000", ""], Cells(Row(doc, 3, "五、教育支出")));
        Assert.Equal(["", "", "", "十九、住房保障支出", "1,710.772524", ""], Cells(Row(doc, 3, "十九、住房保障支出")));
        Assert.Equal(26, doc.Lines.Count(l => l.Cells is not null && l.Cells[3].Text.EndsWith("支出", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_that_overflows_its_column_edge_stays_in_its_cell()
    {
        // xian_891d54ad.pdf page 3 (表1, an Excel printout): names overflow into the amount column by a glyph
        // (clipped in print) and the centred header 部门预算支出经济分类科目（按大类） is wider than its cell and
        // overlaps 预算数 of the column before; each used to be cut at the edge (`[5]出 2,022.39`)
        var doc = Fixture("xian-891d54ad-page3-overflowing-text.pdf");

        Assert.Equal(["项 目", "预算数", "支出功能分类科目（按大类）", "预算数", "部门预算支出经济分类科目（按大类）", "预算数", "政府预算支出经济分类科目（按大类）", "预算数"],
            Cells(Row(doc, 1, "预算数")));
        Assert.Equal(["1、财政拨款", "3,643.37", "1、一般公共服务", "", "1、人员经费和公用经费支出", "2,022.39", "1、机关工资福利支出", "1,470.72"],
            Cells(Row(doc, 0, "1、财政拨款")));
        Assert.Equal(["(2)政府性基金收入", "", "4、公共安全", "", "(3)对个人和家庭的补助", "4.82", "4、机关资本性支出（二）", ""],
            Cells(Row(doc, 0, "(2)政府性基金收入")));
        Assert.Equal(["3、机关资本性支出（一）", "104.31"], Cells(Row(doc, 0, "其中：专项资金列入部门预算的项目")).Skip(6));
    }

    [Fact]
    public void A_row_broken_by_the_page_end_goes_on_in_its_cells_on_the_next_page()
    {
        // corpus/real/wuxi_17a8236f.pdf (公开13表, pages 37-49): the last row of a page wraps 其他建筑物、构筑物修 / 缮,
        // 商品和服务支出(定额非 / 三保) and 公务用车运行 / 维护费, and the page breaks between the lines; the tails
        // used to be rows of their own at the top of the next page
        var doc = PdfCorpus.ReadReal("wuxi_17a8236f");

        var last = doc.Lines.Last(l => l.Page == 42);
        Assert.Equal(["", "商品和服务支出(定额非三保)", "公务用车运行维护费", "车辆维修和保养服务", "分散采购", "0.10"], Cells(last).Take(6));
        Assert.Equal(["", "高中教学楼门窗及卫生间改造项目", "大型修缮", "其他建筑物、构筑物修缮"], Cells(doc.Lines.Last(l => l.Page == 37)).Take(4));
        Assert.Equal("江苏省梅村高级中学空港分校", doc.Lines.Last(l => l.Page == 38).Cells![0].Text);
        Assert.DoesNotContain(doc.Lines, l => l.Cells is not null && l.Cells.Where(c => c.Text.Length > 0).Select(c => c.Text).SequenceEqual(["三保)", "维护费"]));
        Assert.Equal(["", "商品和服务支出(定额非三保)", "公务用车运行维护费", "车辆加油、添加燃料服务"], Cells(doc.Lines.First(l => l.Page == 43)).Take(4));
    }

    [Fact]
    public void An_indented_name_broken_by_the_page_end_goes_on_too()
    {
        // corpus/real/xian_9645ce95.pdf 表1 (pages 20-22): (5)资本性支出 / (基本建设) is indented in its cell, so its
        // first line is full at the right edge only; 其中：财政拨款 / 资金结转 breaks over pages 21-22
        var doc = PdfCorpus.ReadReal("xian_9645ce95");

        var last = doc.Lines.Last(l => l.Page == 20);
        Assert.Equal(["(5)资本性支出(基本建设)", "0.00", "11、债务利息及费用支出", "0.00"], Cells(last).Skip(5));
        Assert.Equal(["37", "其中：财政拨款资金结转", "0.00"], Cells(doc.Lines.Last(l => l.Page == 21)).Take(3));
        Assert.Equal("38", doc.Lines.First(l => l.Page == 22).Cells![0].Text);
    }

    [Fact]
    public void The_labels_of_a_bar_chart_are_text_lines_not_table_rows()
    {
        // corpus/real/xian_9645ce95.pdf page 7: a bar chart of the staff (axis 0-200, values 172 152 124 77 76 76 5 2)
        var page = PdfCorpus.ReadReal("xian_9645ce95").Lines.Where(l => l.Page == 7).ToList();

        Assert.Contains(page, l => l.Text == "180 172");
        Assert.Contains(page, l => l.Text == "编制人数 实有人数 离休人员 退休人员");
        Assert.DoesNotContain(page, l => l.Cells is not null && l.Cells.Any(c => c.Text is "172" or "77" or "行政单位"));
    }

    [Fact]
    public void Text_placed_off_the_page_and_the_page_footer_are_not_read()
    {
        // xian_891d54ad.pdf page 34: labels of hidden spreadsheet cells are placed above and below the page (pdftotext
        // does not print them either), and the footer 第 3 页，共 45 页 is the page number
        var doc = Fixture("xian-891d54ad-page34-off-page-text.pdf");

        Assert.Equal("指标4：问题线索处置率", doc.Lines[^1].Cells![3].Text);
        Assert.DoesNotContain(doc.Lines, l => l.Text is "产出指标" or "质量指标" or "绩" or "标" || l.Text.Contains("45 页", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_and_a_title_printed_on_one_baseline_are_two_lines()
    {
        // corpus/real/yantai_govoffice_2026_dept_budget.pdf page 31: （三）部门预算项目绩效目标表 and 政策和项目预算绩效目标表
        // are drawn at the same height, the title over the heading's tail; they read as two lines, as pdftotext prints them
        var doc = PdfCorpus.ReadReal("yantai_govoffice_2026_dept_budget");

        Assert.Equal(["（三）部门预算项目绩效目标表", "政策和项目预算绩效目标表", "(2026年度)"], doc.Lines.Where(l => l.Page == 31).Take(3).Select(l => l.Text));
        // and the pages turned by /Rotate whose text is drawn turned (公开表2-12) read left to right
        Assert.Contains(doc.Lines, l => l.Page == 12 && l.Cells is not null && l.Cells.Any(c => c.Text == "一般公共服务支出"));
    }
}
