using System.Text;
using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Html;

/// <summary>Paragraphs, headings, what is left out, layout tables and source line numbers.</summary>
public class HtmlReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>某局2024年部门预算公开</title>
        <style>p { color: red }</style>
        <script>var nav = "第一部分 概况";</script>
        </head>
        <body>
        <nav><a href="#">首页</a><a href="#">政务公开</a></nav>
        <div class="crumb">当前位置：<a href="#">首页</a></div>
        <ul role="navigation"><li>网站地图</li></ul>
        <h1>某局2024年部门预算公开</h1>
        <h2><font face="x">第一部分</font> <b>概况</b></h2>
        <p>一、主要职能</p>
        <p>编制数 17，实有人数 20 人，<span>其中：在职 19 人</span>。</p>
        <p>第一行<br>第二行<br/>第三行</p>
        <div>块<div>内块</div>尾</div>
        <p style="display: none">看不见</p>
        <p hidden>也看不见</p>
        <noscript>请启用脚本</noscript>
        <h3>三级 标题</h3>
        <p class="table-note foot">备注：本表为空表。</p>
        <div class="site-footer">版权所有</div>
        </body></html>
        """;

    private static IReadOnlyList<DocLine> Read(string html) => HtmlDocumentReader.ReadLines(html);

    [Fact]
    public void Paragraphs_and_headings_become_lines_and_scripts_styles_navigation_and_hidden_text_are_left_out()
    {
        var lines = Read(Page);

        Assert.Equal(
            ["某局2024年部门预算公开", "第一部分 概况", "一、主要职能", "编制数 17，实有人数 20 人，其中：在职 19 人。", "第一行", "第二行", "第三行", "块", "内块", "尾", "三级 标题", "备注：本表为空表。"],
            lines.Select(l => l.Text));
        Assert.Equal([true, true, false, false, false, false, false, false, false, false, true, false], lines.Select(l => l.IsHeading));
        Assert.Equal(Enumerable.Range(0, lines.Count), lines.Select(l => l.Index));
        Assert.All(lines, l => Assert.Null(l.Cells));
    }

    [Fact]
    public void Line_numbers_are_the_source_lines_of_the_elements()
    {
        var lines = Read(Page);
        var source = Page.Split('\n');

        int SourceLineOf(string text) => Array.FindIndex(source, s => s.Contains(text, StringComparison.Ordinal)) + 1;

        Assert.Equal(SourceLineOf("<h1>"), lines[0].Number);
        Assert.Equal(SourceLineOf("<h2>"), lines[1].Number);
        Assert.Equal(SourceLineOf("一、主要职能"), lines[2].Number);
        Assert.Equal(SourceLineOf("<h3>"), lines[^2].Number);
        Assert.True(lines[1].Number > 5, "the heading is not on the first lines of the page");
    }

    [Fact]
    public void Text_after_a_br_on_a_later_source_line_gets_that_line()
    {
        var lines = Read("<html><body><p>甲\n<br>乙\n<br>丙</p></body></html>");

        Assert.Equal(["甲", "乙", "丙"], lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3], lines.Select(l => l.Number));
    }

    [Fact]
    public void Crlf_lf_and_cr_pages_give_the_same_lines_and_numbers()
    {
        var lf = Read(Page);
        var crlf = Read(Page.Replace("\n", "\r\n", StringComparison.Ordinal));
        var cr = Read(Page.Replace("\n", "\r", StringComparison.Ordinal));

        Assert.Equal(lf.Select(l => (l.Number, l.Text)), crlf.Select(l => (l.Number, l.Text)));
        Assert.Equal(lf.Select(l => (l.Number, l.Text)), cr.Select(l => (l.Number, l.Text)));
    }

    [Fact]
    public void Line_numbers_past_65535_are_right()
    {
        var sb = new StringBuilder("<html><body>\n");
        for (var i = 0; i < 70_000; i++)
        {
            sb.Append('\n');
        }

        sb.Append("<p>远处的段落</p>\n<table><tr><td>甲</td><td>1.00</td></tr></table></body></html>");
        var lines = Read(sb.ToString());

        Assert.Equal(70_002, lines[0].Number);
        Assert.Equal(70_003, lines[1].Number);
    }

    [Fact]
    public void A_layout_table_around_the_article_is_read_as_paragraphs_and_its_data_table_as_rows()
    {
        var lines = Read("""
            <html><body>
            <table width="100%"><tr><td class="left">栏目</td><td>
            <h2>第二部分 预算公开表</h2>
            <p>表1</p>
            <table><tr><th>项目</th><th>预算数</th></tr><tr><td>一、本年收入</td><td>1181.95</td></tr></table>
            </td></tr></table>
            <table><tr><td><p>只有一列的表格框</p></td></tr></table>
            </body></html>
            """);

        Assert.Equal(["栏目", "第二部分 预算公开表", "表1", "项目\t预算数", "一、本年收入\t1181.95", "只有一列的表格框"], lines.Select(l => l.Text));
        Assert.True(lines[1].IsHeading);
        Assert.Null(lines[0].Cells);
        Assert.Equal(["一、本年收入", "1181.95"], lines[4].Cells!.Select(c => c.Text));
        Assert.Null(lines[5].Cells);
    }

    [Fact]
    public void A_word_style_table_with_a_paragraph_in_every_cell_stays_a_grid_but_a_cell_of_many_paragraphs_is_layout()
    {
        var lines = Read("""
            <html><body>
            <table><tr><td><p class=MsoNormal>类</p></td><td><p>款</p></td><td><p>名称</p></td><td><p>合计</p></td></tr>
            <tr><td><p>210</p></td><td><p>11</p></td><td><p><span>行政事业单位</span><br>医疗</p></td><td><p>14.56</p></td></tr></table>
            <table><tr><td>栏目</td><td><p>甲</p><p>乙</p><p>丙</p><p>丁</p><p>戊</p></td></tr></table>
            </body></html>
            """);

        Assert.Equal(["类\t款\t名称\t合计", "210\t11\t行政事业单位 医疗\t14.56", "栏目", "甲", "乙", "丙", "丁", "戊"], lines.Select(l => l.Text));
        Assert.NotNull(lines[1].Cells);
        Assert.Null(lines[2].Cells);
    }

    [Fact]
    public void Preformatted_text_keeps_its_lines()
    {
        var lines = Read("<html><body><pre>\n甲  1.00\n\n乙\t2.00\n</pre></body></html>");

        Assert.Equal(["甲  1.00", "乙\t2.00"], lines.Select(l => l.Text));
        Assert.Equal("乙 2.00", lines[1].Norm);
    }

    [Fact]
    public void Norm_folds_full_width_characters_like_the_text_reader()
    {
        var lines = Read("<html><body><p>合计　１２３．５０（万元）</p></body></html>");

        Assert.Equal("合计　１２３．５０（万元）", lines[0].Text);
        Assert.Equal("合计 123.50(万元)", lines[0].Norm);
    }

    [Fact]
    public void A_page_without_visible_text_is_an_input_error()
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>空</title><script>x()</script></head><body> <nav>首页</nav> </body></html>");

        var ex = Assert.Throws<InputException>(() => new HtmlDocumentReader().Read("x", "x.html", bytes, ""));
        Assert.Equal("no text: the HTML page shows no text", ex.Message);
    }
}
