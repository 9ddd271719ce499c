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

    [Theory]
    [InlineData("- 16 -", true)]
    [InlineData("5", true)]
    [InlineData("第 3 页", true)]
    [InlineData("3/40", true)]
    [InlineData("表1", false)]
    [InlineData("2023 年", false)]
    public void Page_numbers_are_recognised(string text, bool isPageNumber) =>
        Assert.Equal(isPageNumber, PdfPageFurniture.IsPageNumber(text));
}
