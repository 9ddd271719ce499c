using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Html;

/// <summary>rowspan/colspan expansion: every table row is one line whose cells sit in their grid columns.</summary>
public class HtmlTableGridTests
{
    private static List<DocLine> Rows(string tableHtml) =>
        HtmlDocumentReader.ReadLines("<html><body>" + tableHtml + "</body></html>").Where(l => l.Cells is not null).ToList();

    private static string[] Cells(DocLine line) => line.Cells!.Select(c => c.Text).ToArray();

    [Fact]
    public void Header_cells_are_repeated_over_every_column_and_row_they_span()
    {
        var rows = Rows("""
            <table>
            <thead>
            <tr><th colspan="3">功能分类科目编码</th><th rowspan="2">功能分类科目名称</th><th rowspan="2">合计</th><th colspan="2">基本支出</th></tr>
            <tr><th>类</th><th>款</th><th>项</th><th>人员经费</th><th>公用经费</th></tr>
            </thead>
            <tbody><tr><td>210</td><td>11</td><td>01</td><td>行政单位医疗</td><td>12.80</td><td>12.80</td><td></td></tr></tbody>
            </table>
            """);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["功能分类科目编码", "功能分类科目编码", "功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "基本支出"], Cells(rows[0]));
        Assert.Equal(["类", "款", "项", "功能分类科目名称", "合计", "人员经费", "公用经费"], Cells(rows[1]));
        Assert.Equal(["210", "11", "01", "行政单位医疗", "12.80", "12.80", ""], Cells(rows[2]));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], rows[2].Cells!.Select(c => c.Column ?? -1));
    }

    [Fact]
    public void A_data_cell_is_printed_once_in_its_first_column_and_the_columns_it_covers_stay_empty()
    {
        var rows = Rows("""
            <table>
            <tr><th>类</th><th>款</th><th>项</th><th>名称</th><th>合计</th></tr>
            <tr><td colspan="4">合计</td><td>1258.45</td></tr>
            <tr><td rowspan="2">210</td><td>11</td><td></td><td>行政事业单位医疗</td><td>14.56</td></tr>
            <tr><td>11</td><td>01</td><td>行政单位医疗</td><td>5.93</td></tr>
            </table>
            """);

        Assert.Equal(["合计", "", "", "", "1258.45"], Cells(rows[1]));
        Assert.Equal("合计\t\t\t\t1258.45", rows[1].Text);
        Assert.Equal(["210", "11", "", "行政事业单位医疗", "14.56"], Cells(rows[2]));
        // the rowspan of 210 pushes the next row's cells one column to the right
        Assert.Equal(["", "11", "01", "行政单位医疗", "5.93"], Cells(rows[3]));
    }

    [Fact]
    public void Th_cells_in_the_body_and_td_cells_in_thead_are_header_cells()
    {
        var rows = Rows("""
            <table>
            <thead><tr><td colspan="2">收入</td><td colspan="2">支出</td></tr></thead>
            <tr><th colspan="2">项目</th><td>x</td><td>y</td></tr>
            </table>
            """);

        Assert.Equal(["收入", "收入", "支出", "支出"], Cells(rows[0]));
        Assert.Equal(["项目", "项目", "x", "y"], Cells(rows[1]));
    }

    [Fact]
    public void Ragged_rows_are_padded_and_rowspan_zero_reaches_the_end_of_its_row_group()
    {
        var rows = Rows("""
            <table>
            <tbody><tr><th rowspan="0">A</th><td>1</td></tr><tr><td>2</td><td>extra</td></tr></tbody>
            <tbody><tr><td>3</td></tr></tbody>
            </table>
            """);

        Assert.Equal(["A", "1", ""], Cells(rows[0]));
        Assert.Equal(["A", "2", "extra"], Cells(rows[1]));
        Assert.Equal(["3", "", ""], Cells(rows[2]));
        Assert.All(rows, r => Assert.Equal(string.Join('\t', Cells(r)), r.Text));
    }

    [Fact]
    public void Bad_span_values_read_as_the_standard_says_and_overlaps_keep_the_first_cell()
    {
        var rows = Rows("""
            <table>
            <tr><td colspan="2x">a</td><td colspan="-1">b</td><td rowspan="2">c</td></tr>
            <tr><td colspan="4">d</td></tr>
            </table>
            """);

        // colspan="2x" reads as 2, colspan="-1" as 1; d (colspan 4) runs into the slot c's rowspan holds
        Assert.Equal(["a", "", "b", "c"], Cells(rows[0]));
        Assert.Equal(["d", "", "", ""], Cells(rows[1]));
    }

    [Fact]
    public void Rows_with_nothing_printed_are_left_out_and_cell_text_is_collapsed_with_br_as_space()
    {
        var rows = Rows("""
            <table>
            <tr><td>机关事业单位基本养老<br>保险缴费支出</td><td>  31.30&nbsp;</td></tr>
            <tr><td>&nbsp;</td><td> </td></tr>
            <tr><td><p>一般公共</p><p>预算</p></td><td><b>1,234.50</b></td></tr>
            </table>
            """);

        Assert.Equal(2, rows.Count);
        Assert.Equal(["机关事业单位基本养老 保险缴费支出", "31.30"], Cells(rows[0]));
        Assert.Equal(["一般公共 预算", "1,234.50"], Cells(rows[1]));
        Assert.Equal("一般公共 预算 1,234.50", rows[1].Norm);
    }
}
