using DisclosureExtract.Reading.Pdf;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>The layout steps on glyphs made by hand: cell gaps, wrapped cells, tables without rules.</summary>
public class PdfLayoutTests
{
    private const double Size = 10;
    private const double Advance = 5;

    /// <summary>Glyphs of one printed line: each text starts at its x (or ends there when right-aligned, x negative).</summary>
    private static List<PdfGlyph> Line(double baseline, params (string Text, double X)[] texts)
    {
        var glyphs = new List<PdfGlyph>();
        foreach (var (text, x) in texts)
        {
            var left = x >= 0 ? x : -x - (text.Length * Advance);
            foreach (var c in text)
            {
                glyphs.Add(new PdfGlyph(c.ToString(), left, left + Advance, baseline, Size));
                left += Advance;
            }
        }

        return glyphs;
    }

    [Fact]
    public void Lines_group_by_baseline_and_a_wide_gap_is_one_space()
    {
        var glyphs = Line(700, ("编制单位：某局", 50), ("单位：万元", 300)).Concat(Line(680, ("下一行", 50))).Reverse().ToList();

        var lines = PdfTextLine.Lines(glyphs);

        Assert.Equal(["编制单位：某局 单位：万元", "下一行"], lines.Select(PdfTextLine.Text));
    }

    [Fact]
    public void Fake_bold_overprints_are_read_once_but_real_repeats_stay()
    {
        var glyphs = Line(700, ("合计", 50), ("1000", 100)).Concat(Line(700, ("合计", 50.4))).ToList();
        Assert.Equal("合计 1000", PdfTextLine.Text(Assert.Single(PdfTextLine.Lines(glyphs))));
    }

    [Fact]
    public void A_space_glyph_printed_under_the_text_separates_nothing()
    {
        // an indent of two spaces drawn from x 40, the text from x 43: the second space lies under 工
        List<PdfGlyph> glyphs = [new(" ", 40, 45, 700, Size), new(" ", 45, 50, 700, Size), .. Line(700, ("工业和信息化", 43)), new(" ", 73, 78, 700, Size), .. Line(700, ("服务", 78))];
        Assert.Equal("工业和信息化 服务", PdfTextLine.Text(Assert.Single(PdfTextLine.Lines(glyphs))));
    }

    [Fact]
    public void A_running_footer_is_one_line_whatever_the_width_of_its_page_number()
    {
        static PdfPageContent Page(int number) =>
            new(number, 842, [new PdfTextItem(700, 690, "正文"), new PdfTextItem(30, 20, $"某某局预算公开 第{number}页")], PdfGlyphCensus.Empty, 0);

        var kept = PdfPageFurniture.Remove([Page(9), Page(10), Page(11), Page(12)]);

        Assert.All(kept, page => Assert.Equal("正文", Assert.IsType<PdfTextItem>(Assert.Single(page)).Text));
    }

    [Fact]
    public void Two_texts_drawn_over_each_other_on_one_baseline_are_two_lines()
    {
        // a heading from x 50 and a title from x 140 (glyph for glyph over the heading's tail), drawn one after the
        // other, with full-width glyphs (as wide as their size)
        static IEnumerable<PdfGlyph> Wide(string text, double x) => text.Select((c, i) => new PdfGlyph(c.ToString(), x + (i * Size), x + ((i + 1) * Size), 700, Size));
        var glyphs = Wide("（三）部门预算项目绩效目标表", 50).Concat(Wide("政策和项目预算绩效目标表", 140)).ToList();

        Assert.Equal(["（三）部门预算项目绩效目标表", "政策和项目预算绩效目标表"], PdfTextLine.Lines(glyphs).Select(PdfTextLine.Text));
    }

    [Fact]
    public void Punctuation_set_tight_does_not_split_a_line()
    {
        // 。 and ） drawn half a glyph into the next glyph (compressed punctuation), and a tab glyph where （ is printed
        List<PdfGlyph> glyphs = [.. Line(700, ("演练。", 50)), new("主", 62.5, 67.5, 700, Size), new("\t", 67.5, 72.5, 700, Size), new("（", 67.5, 72.5, 700, Size), .. Line(700, ("二）", 72.5))];

        Assert.Equal("演练。主（二）", PdfTextLine.Text(Assert.Single(PdfTextLine.Lines(glyphs.Select(g => g.Value == "\t" ? g with { Value = " " } : g)))));
    }

    [Fact]
    public void A_table_number_repeated_over_the_pages_of_its_table_is_kept()
    {
        // 表01 at the top of pages 1-3, 表02 on pages 4-6: the number stays while the table goes on (not a page counter)
        static PdfPageContent Page(int number) =>
            new(number, 842, [new PdfTextItem(830, 820, $"表0{((number - 1) / 3) + 1}"), new PdfTextItem(700, 690, "正文")], PdfGlyphCensus.Empty, 0);

        var kept = PdfPageFurniture.Remove(Enumerable.Range(1, 6).Select(Page).ToList());

        Assert.Equal(["表01", "表01", "表01", "表02", "表02", "表02"], kept.Select(p => ((PdfTextItem)p[0]).Text));
    }

    [Fact]
    public void A_title_repeated_on_each_page_is_kept_and_so_is_the_line_under_it()
    {
        // each page holds one table: its title (14 pt, the body is 10 pt) and unit line recur at the top of every
        // page, under a running header (10 pt) that is dropped; the page number at the foot is dropped too
        static PdfPageContent Page(int number) => new(number, 842,
        [
            new PdfTextItem(830, 820, "某某局2025年部门预算", 10), new PdfTextItem(810, 796, "项目支出绩效目标表", 14),
            new PdfTextItem(790, 780, "单位名称：某某局 单位：万元", 10), new PdfTextItem(700, 690, $"项目{number}", 10),
            new PdfTextItem(30, 20, $"- {number} -", 10),
        ], PdfGlyphCensus.Of(Enumerable.Repeat(new PdfGlyph("字", 0, 10, 700, 10), 50).ToList()), 0);

        var kept = PdfPageFurniture.Remove([Page(1), Page(2), Page(3), Page(4)]);

        Assert.All(kept, page => Assert.Equal(["项目支出绩效目标表", "单位名称：某某局 单位：万元"], page.Cast<PdfTextItem>().Take(2).Select(t => t.Text)));
        Assert.All(kept, page => Assert.Equal(3, page.Count));
    }

    [Fact]
    public void A_wrapped_cell_joins_its_lines_without_a_space()
    {
        var glyphs = Line(700, ("机关事业单位基本养", 100)).Concat(Line(688, ("老保险缴费支出", 100))).ToList();
        Assert.Equal("机关事业单位基本养老保险缴费支出", PdfTextLine.WrappedText(glyphs));
    }

    [Fact]
    public void A_table_without_rules_gets_its_columns_from_aligned_numbers()
    {
        // numbers are right-aligned at x = 300 and x = 400 (negative x below); the header words sit over them
        List<List<PdfGlyph>> lines =
        [
            Line(700, ("说明文字", 50)),
            Line(680, ("科目编码", 50), ("科目名称", 100), ("合计", 270), ("基本支出", 360)),
            Line(660, ("210", 50), ("卫生健康支出", 100), ("1202.75", -300), ("239.96", -400)),
            Line(640, ("21011", 50), ("行政事业单位医疗", 100), ("14.56", -300)),
            Line(620, ("2101101", 50), ("行政单位医疗", 100), ("5.93", -300), ("5.93", -400)),
            Line(600, ("2101102", 50), ("事业单位医疗", 100), ("8.63", -400)),
            Line(560, ("表后的说明。", 50)),
        ];

        var items = PdfUnruledTable.Items(lines);

        Assert.Equal(3, items.Count);
        Assert.Equal("说明文字", Assert.IsType<PdfTextItem>(items[0]).Text);
        Assert.Equal("表后的说明。", Assert.IsType<PdfTextItem>(items[2]).Text);
        var table = Assert.IsType<PdfTableItem>(items[1]);
        string[][] expected =
        [
            ["科目编码", "科目名称", "合计", "基本支出"],
            ["210", "卫生健康支出", "1202.75", "239.96"],
            ["21011", "行政事业单位医疗", "14.56", ""],
            ["2101101", "行政单位医疗", "5.93", "5.93"],
            ["2101102", "事业单位医疗", "", "8.63"],
        ];
        Assert.Equal(expected, table.Rows.Select(r => r.Select(c => c.Text).ToArray()));
        Assert.All(table.Rows, r => Assert.Equal([0, 1, 2, 3], r.Select(c => c.Column ?? -1)));
        Assert.Equal(400, table.Rows[1][3].Right);
    }

    [Fact]
    public void Prose_with_numbers_is_not_a_table()
    {
        List<List<PdfGlyph>> lines =
        [
            Line(700, ("编制数 17，实有人数 20 人，其中：在职 19 人，", 50)),
            Line(680, ("增加 0 人；退休 1 人，增加 1 人；离休 0 人，", 50)),
            Line(660, ("增加 0 人。", 50)),
        ];

        Assert.All(PdfUnruledTable.Items(lines), i => Assert.IsType<PdfTextItem>(i));
    }

    [Fact]
    public void Rules_join_through_a_long_rule_from_one_end_of_the_page_to_the_other()
    {
        // a tall table (y 80-760) whose row borders are tied together only by its outer verticals, which run its whole
        // height; below it, 2.5 points apart (beyond the 2-point tolerance), a second table: a pair of rules that touch
        // must be found however far apart their other ends lie
        var rules = new List<PdfRule>();
        for (var r = 0; r < 34; r++)
        {
            var top = 760.0 - (r * 20);
            rules.Add(new PdfRule(true, top - 20, 42, 98)); // the row's bottom border, reaching the outer verticals within the tolerance
            rules.Add(new PdfRule(false, 70, top - 20, top - 10)); // a tick on it, touching nothing else
        }

        rules.Add(new PdfRule(true, 760, 40, 100));
        rules.Add(new PdfRule(false, 40, 80, 760));
        rules.Add(new PdfRule(false, 100, 80, 760));
        rules.AddRange([new(true, 77.5, 40, 100), new(true, 30, 40, 100), new(false, 40, 30, 77.5), new(false, 70, 30, 77.5), new(false, 100, 30, 77.5)]);

        foreach (var order in new[] { rules, Enumerable.Reverse(rules).ToList() })
        {
            var tables = PdfRuledTable.Find(order).OrderByDescending(t => t.Top).ToList();
            Assert.Equal(2, tables.Count);
            Assert.Equal((760.0, 80.0), (Math.Round(tables[0].Top), Math.Round(tables[0].Bottom)));
            Assert.Equal([40, 70, 100], tables[0].ColumnEdges.Select(x => Math.Round(x)).ToArray());
            Assert.Equal((78.0, 30.0), (Math.Round(tables[1].Top), Math.Round(tables[1].Bottom)));
        }
    }

    [Fact]
    public void Rules_are_grouped_into_tables_by_touch_whatever_their_order()
    {
        // two tables side by side (x 40-200 and x 300-460) and, far to the right of its left end, a vertical rule that
        // touches the first table only where a long horizontal rule ends (within the 2-point tolerance)
        List<PdfRule> left =
        [
            new(true, 700, 40, 200), new(true, 660, 40, 200), new(true, 620, 40, 201.5),
            new(false, 40, 620, 700), new(false, 120, 620, 700), new(false, 203, 600, 700),
        ];
        List<PdfRule> right =
        [
            new(true, 700, 300, 460), new(true, 650, 300, 460), new(true, 600, 300, 460),
            new(false, 300, 600, 700), new(false, 380, 600, 700), new(false, 460, 600, 700),
        ];
        var forwards = left.Concat(right).ToList();
        var shuffled = forwards.OrderBy(r => (r.At * 7919) % 13).ThenByDescending(r => r.From).ToList();
        foreach (var rules in new[] { forwards, shuffled, Enumerable.Reverse(forwards).ToList() })
        {
            var tables = PdfRuledTable.Find(rules).OrderBy(t => t.Left).ToList();
            Assert.Equal(2, tables.Count);
            Assert.Equal([40, 120, 203], tables[0].ColumnEdges.Select(x => Math.Round(x)).ToArray());
            Assert.Equal([300, 380, 460], tables[1].ColumnEdges.Select(x => Math.Round(x)).ToArray());
            Assert.Equal(600, tables[0].Bottom); // the vertical rule at 203 belongs to it
        }
    }

    /// <summary>The text of the table of the next two tests: two header rows (合计 spanning both, 支出 two columns), a
    /// name wrapped over two lines with its numbers in the middle, a total row.</summary>
    private static List<PdfGlyph> SpanningHeaderGlyphs() =>
        Line(686, ("编码", 45), ("名称", 100), ("支出", 240))
            .Concat(Line(666, ("基本", 210), ("项目", 270)))
            .Concat(Line(648, ("行政事业单位养", 85)))
            .Concat(Line(642, ("2080505", 42), ("31.30", -255)))
            .Concat(Line(636, ("老保险缴费支出", 85)))
            .Concat(Line(616, ("合计", 45), ("31.30", -255), ("1.00", -315)))
            .ToList();

    private static readonly string[][] SpanningHeaderRows =
    [
        ["编码", "名称", "支出", ""],
        ["", "", "基本", "项目"],
        ["2080505", "行政事业单位养老保险缴费支出", "31.30", ""],
        ["合计", "", "31.30", "1.00"],
    ];

    [Fact]
    public void A_ruled_table_merges_spanning_header_cells_and_wrapped_names()
    {
        // columns at x 40 | 80 | 200 | 260 | 320; header rows 700-680 and 680-660 (合计 spans both, 支出 spans two columns);
        // body rows 660-630 (a name wrapped over two lines, its numbers in the middle) and 630-610
        List<PdfRule> rules =
        [
            new(true, 700, 40, 320), new(true, 680, 200, 320), new(true, 660, 40, 320), new(true, 630, 40, 320), new(true, 610, 40, 320),
            new(false, 40, 610, 700), new(false, 80, 610, 700), new(false, 200, 610, 700), new(false, 260, 610, 680), new(false, 320, 610, 700),
        ];
        var glyphs = SpanningHeaderGlyphs();

        var table = Assert.Single(PdfRuledTable.Find(rules));
        var rows = table.Rows(glyphs);

        Assert.Equal(SpanningHeaderRows, rows.Select(r => r.Select(c => c.Text).ToArray()));
        Assert.Equal(320, rows[0][2].Right); // the spanning header cell reaches over both columns
    }

    [Fact]
    public void A_ruled_table_reads_the_same_whatever_the_order_and_the_pieces_of_its_rules()
    {
        // the table above with its rules in other orders, and with the rule under 支出 drawn as two segments meeting
        // under the column edge, slightly off the grid (within the tolerance): the merged cells are found among rules
        // sorted by position, so every rule near a grid line must be considered, not only the first
        List<PdfRule> rules =
        [
            new(true, 700, 40, 320), new(true, 680.8, 200, 260), new(true, 679.6, 260, 320), new(true, 660, 40, 320), new(true, 630, 40, 320),
            new(true, 610, 40, 320), new(false, 40, 610, 700), new(false, 80, 610, 700), new(false, 200, 610, 700), new(false, 260, 610, 680),
            new(false, 320, 610, 700),
        ];
        var glyphs = SpanningHeaderGlyphs();

        var random = new Random(7);
        foreach (var order in new[] { rules, rules.AsEnumerable().Reverse().ToList(), rules.OrderBy(_ => random.Next()).ToList() })
        {
            var rows = Assert.Single(PdfRuledTable.Find(order)).Rows(glyphs);
            Assert.Equal(SpanningHeaderRows, rows.Select(r => r.Select(c => c.Text).ToArray()));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_ruled_band_holding_several_rows_of_numbers_is_split_by_its_lines(bool fullWidthDigits)
    {
        // only the outer frame and the column rules are drawn: the body is one band with three rows, one name wrapped;
        // some converters print codes and amounts in full-width digits (２１０), which are numbers all the same
        string D(string text) => fullWidthDigits ? string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c)) : text;
        List<PdfRule> rules =
        [
            new(true, 700, 40, 320), new(true, 680, 40, 320), new(true, 600, 40, 320),
            new(false, 40, 600, 700), new(false, 80, 600, 700), new(false, 200, 600, 700), new(false, 320, 600, 700),
        ];
        var glyphs = Line(686, ("编码", 45), ("名称", 100), ("合计", 250))
            .Concat(Line(664, (D("210"), 42), ("卫生健康支出", 85), (D("1202.75"), -315)))
            .Concat(Line(648, (D("21011"), 42), ("行政事业单位医", 85), (D("14.56"), -315)))
            .Concat(Line(636, ("疗", 85)))
            .Concat(Line(620, (D("2101101"), 42), ("行政单位医疗", 85), (D("5.93"), -315)))
            .ToList();

        var rows = Assert.Single(PdfRuledTable.Find(rules)).Rows(glyphs);

        string[][] expected =
        [
            ["编码", "名称", "合计"],
            [D("210"), "卫生健康支出", D("1202.75")],
            [D("21011"), "行政事业单位医疗", D("14.56")],
            [D("2101101"), "行政单位医疗", D("5.93")],
        ];
        Assert.Equal(expected, rows.Select(r => r.Select(c => c.Text).ToArray()));
    }

    [Fact]
    public void A_tall_ruled_row_whose_cells_wrap_is_one_row_with_its_pieces_joined()
    {
        // each body row is ruled; in the first one the narrow 合计 column wraps 143,999.00 (143,999.0 above the
        // row's middle line, 0 below it) and the name wraps as well; the second row is one line
        List<PdfRule> rules =
        [
            new(true, 700, 40, 290), new(true, 680, 40, 290), new(true, 640, 40, 290), new(true, 620, 40, 290),
            new(false, 40, 620, 700), new(false, 80, 620, 700), new(false, 140, 620, 700), new(false, 190, 620, 700), new(false, 290, 620, 700),
        ];
        var glyphs = Line(686, ("编码", 42), ("名称", 90), ("合计", 150), ("基本支出", 200))
            .Concat(Line(664, ("某某市交通局（", 82), ("143,999.0", 143)))
            .Concat(Line(656, ("313001", 42), ("4.5", -285)))
            .Concat(Line(648, ("本级）", 82), ("0", -188)))
            .Concat(Line(626, ("313002", 42), ("某某中心", 82), ("12.00", -188), ("12.00", -285)))
            .ToList();

        var rows = Assert.Single(PdfRuledTable.Find(rules)).Rows(glyphs);

        string[][] expected =
        [
            ["编码", "名称", "合计", "基本支出"],
            ["313001", "某某市交通局（本级）", "143,999.00", "4.5"],
            ["313002", "某某中心", "12.00", "12.00"],
        ];
        Assert.Equal(expected, rows.Select(r => r.Select(c => c.Text).ToArray()));
    }

    [Fact]
    public void Rows_of_one_band_stay_apart_when_their_amounts_would_not_make_one_number()
    {
        // one band holds two rows; the first row's amount fills its narrow cell, but 1,202.75 and 14.56 are two amounts
        List<PdfRule> rules =
        [
            new(true, 700, 40, 190), new(true, 680, 40, 190), new(true, 630, 40, 190),
            new(false, 40, 630, 700), new(false, 80, 630, 700), new(false, 140, 630, 700), new(false, 190, 630, 700),
        ];
        var glyphs = Line(686, ("编码", 42), ("名称", 90), ("合计", 150))
            .Concat(Line(664, ("210", 42), ("卫生健康支", 82), ("1,202.75", 142)))
            .Concat(Line(652, ("21011", 42), ("医疗", 82), ("14.56", -188)))
            .ToList();

        var rows = Assert.Single(PdfRuledTable.Find(rules)).Rows(glyphs);

        Assert.Equal([["编码", "名称", "合计"], ["210", "卫生健康支", "1,202.75"], ["21011", "医疗", "14.56"]], rows.Select(r => r.Select(c => c.Text).ToArray()));
    }

    [Fact]
    public void A_run_drawn_in_one_go_belongs_to_the_cell_of_its_middle()
    {
        // the name runs two glyphs over the edge at x 140 (a printout clips it there); the amount is a run of its own
        List<PdfRule> rules =
        [
            new(true, 700, 40, 200), new(true, 680, 40, 200), new(true, 660, 40, 200),
            new(false, 40, 660, 700), new(false, 140, 660, 700), new(false, 200, 660, 700),
        ];
        var glyphs = Line(686, ("项目", 45), ("预算数", 150))
            .Concat(Line(666, ("人员经费和公用经费支出", 90), ("2,022.39", -198)))
            .ToList();

        var rows = Assert.Single(PdfRuledTable.Find(rules)).Rows(glyphs);

        Assert.Equal([["项目", "预算数"], ["人员经费和公用经费支出", "2,022.39"]], rows.Select(r => r.Select(c => c.Text).ToArray()));
    }

    [Fact]
    public void A_bar_chart_is_found_by_its_bars_and_a_shaded_table_row_is_not()
    {
        const double Page = 842 * 595;
        static UglyToad.PdfPig.Core.PdfRectangle R(double l, double b, double r, double t) => new(l, b, r, t);

        // two bars a category, four categories standing on y 240, inside a plot area and a chart background
        List<UglyToad.PdfPig.Core.PdfRectangle> chart =
        [
            R(70, 200, 715, 430), R(105, 240, 640, 415),
            R(134, 240, 172, 308), R(172, 240, 210, 390), R(268, 240, 306, 307), R(306, 240, 344, 373),
            R(401, 240, 440, 245), R(440, 240, 478, 260), R(535, 240, 574, 307), R(574, 240, 612, 349),
        ];
        var labels = Line(395, ("180", 80), ("172", 183)).Concat(Line(320, ("行政单位", 664))).ToList();

        var region = Assert.Single(PdfCharts.Regions(chart, labels, Page, 30));
        Assert.Equal((70, 200, 715, 430), (region.Left, region.Bottom, region.Right, region.Top));

        // cells of a shaded header row: touching blocks of two heights, with their text inside
        List<UglyToad.PdfPig.Core.PdfRectangle> header = [R(35, 277, 120, 363), R(120, 277, 156, 354), R(156, 277, 185, 340), R(185, 277, 227, 332)];
        Assert.Empty(PdfCharts.Regions(header, Line(300, ("单位名称", 40)), Page, 30));

        // blocks apart from each other but holding text are painted cells, not bars
        List<UglyToad.PdfPig.Core.PdfRectangle> cells = [R(35, 277, 60, 363), R(100, 277, 130, 354), R(170, 277, 200, 340)];
        Assert.Empty(PdfCharts.Regions(cells, Line(300, ("合计", 105)), Page, 30));
    }

    [Fact]
    public void A_page_census_counts_characters_not_glyphs_and_glyph_sizes_by_half_points()
    {
        // a ligature glyph decodes to two characters; 10.2 and 9.9 points are both the 10-point body text (counted
        // across a run of another size); a space glyph is a marker, not printed
        var census = PdfGlyphCensus.Of([new("一", 0, 10, 700, 10.2), new("\u0001", 10, 14, 700, 12), new(" ", 14, 16, 700, 10),
            new("fi", 16, 22, 700, 9.9), new("二", 22, 32, 700, 12)]);

        Assert.Equal((5L, 4L, 2L), (census.Characters, census.Readable, census.Cjk));
        Assert.Equal(new Dictionary<int, int> { [20] = 2, [24] = 2 }, census.GlyphsBySize);
        Assert.Equal(10.0, PdfGlyphCensus.SizeOf(PdfGlyphCensus.SizeKey(10.2)));
    }

    [Fact]
    public void One_page_of_undecodable_text_fails_the_document_even_when_the_rest_reads()
    {
        static PdfPageContent Page(int number, string text) =>
            new(number, 842, [], PdfGlyphCensus.Of(text.Select((c, i) => new PdfGlyph(c.ToString(), i * Advance, (i + 1) * Advance, 700, Size)).ToList()), 0);

        var chinese = Page(1, string.Concat(Enumerable.Repeat("一般公共预算支出情况表编制单位医疗保障局", 20)));
        var garbage = Page(2, string.Concat(Enumerable.Repeat("\u0001\u0002\u0003\uE001", 10)));

        PdfTextQuality.Check([chinese]);
        var ex = Assert.Throws<DisclosureExtract.Reading.InputException>(() => PdfTextQuality.Check([chinese, garbage]));
        Assert.StartsWith("text does not decode on page 2", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("no text layer: needs OCR", Assert.Throws<DisclosureExtract.Reading.InputException>(() => PdfTextQuality.Check([Page(1, "")])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- 16 -", true)]
    [InlineData("5", true)]
    [InlineData("第 3 页", true)]
    [InlineData("3/40", true)]
    [InlineData("第3页，共45页", true)]
    [InlineData("第 14 页，共 45 页", true)]
    [InlineData("共45页", false)]
    [InlineData("表1", false)]
    [InlineData("2023 年", false)]
    public void Page_numbers_are_recognised(string text, bool isPageNumber) =>
        Assert.Equal(isPageNumber, PdfPageFurniture.IsPageNumber(text));
}
