using System.Text;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Html;

/// <summary>HTML fragments inside text lines are parsed with AngleSharp.</summary>
public class HtmlFragmentTests
{
    [Theory]
    [InlineData("<b>合计</b>", "合计")]
    [InlineData("第一行<br>第二行<br/>第三行", "第一行 第二行 第三行")]
    [InlineData("<p>项目资金 68 万元</p><p>其中: 财政资金 68 万元", "项目资金 68 万元 其中: 财政资金 68 万元")]
    [InlineData("<tr><td>210</td><td>卫生健康支出</td><td>744.80</td></tr>", "210 卫生健康支出 744.80")]
    [InlineData("<td>01 行政单位离退休</td><td>2.16</td>", "01 行政单位离退休 2.16")]
    [InlineData("<table><tr><td>合计</td><td>1,234.50</td></tr></table>", "合计 1,234.50")]
    [InlineData("说明<script>alert(1)</script>结束", "说明结束")]
    [InlineData("A &amp; B <i>斜体</i>", "A & B 斜体")]
    [InlineData("指标值 <=2 天, >=95%", "指标值 <=2 天, >=95%")]
    public void Fragments_give_their_printed_text_without_running_cells_together(string fragment, string expected)
    {
        Assert.Equal(expected, HtmlFragment.ToText(fragment));
    }

    [Fact]
    public void A_table_row_in_a_text_file_keeps_its_numbers_apart()
    {
        var text = "第二部分 预算公开表\n<tr><td>210</td><td>11</td><td>01</td><td>行政单位医疗</td><td>12.80</td></tr>\n";

        var doc = new PlainTextReader().Read("x", "x.txt", Encoding.UTF8.GetBytes(text), "");

        Assert.Equal("210 11 01 行政单位医疗 12.80", doc.Lines[1].Norm);
    }
}
