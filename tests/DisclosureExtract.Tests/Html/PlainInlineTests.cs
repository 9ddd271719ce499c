using AngleSharp.Html.Parser;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Html;

/// <summary>
/// Fragments marked only with bare formatting tags skip the HTML parser: their text must be exactly what
/// the parser gives, and anything else must be left to the parser.
/// </summary>
public class PlainInlineTests
{
    [Theory]
    [InlineData("<b>一、本年收入</b>")]
    [InlineData("<b>996.43</b>")]
    [InlineData("前<b>粗<i>斜</b>体</i>后  ")]
    [InlineData("</b>多余的结束标记<strong>未结束")]
    [InlineData("  <span>缩进</span> 与 <em>空格</em> <u>下划线</u>")]
    [InlineData("指标值 <b>>=95%</b>")]
    [InlineData("<p>项目资金 68 万元, 其中: 财政资金 68 万元。</p>")]
    [InlineData("前言<p>第一段<p>第二段</p>后记")]
    [InlineData("没有开始</p>的段落 <p> 有空格 </p>  ")]
    public void Bare_formatting_tags_give_the_parsers_text(string fragment)
    {
        var fast = PlainInline.TryStrip(fragment);

        Assert.NotNull(fast);
        Assert.Equal(ParserText(fragment), fast);
    }

    [Theory]
    [InlineData("第一行<br>第二行")]
    [InlineData("<b class=\"x\">合计</b>")]
    [InlineData("A &amp; B <i>斜体</i>")]
    [InlineData("<B>大写</B>")]
    [InlineData("<p class=\"x\">段落</p>")]
    [InlineData("<b>粗体<p>段落</p></b>")]
    [InlineData("<p>段落<b>粗体</b></p>")]
    [InlineData("<b>指标值 <=2 天</b>")]
    [InlineData("<td>210</td>")]
    public void Other_markup_is_left_to_the_parser(string fragment)
    {
        Assert.Null(PlainInline.TryStrip(fragment));
    }

    private static string ParserText(string fragment)
    {
        using var doc = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + fragment + "</body></html>");
        return HtmlText.Raw(doc.Body!).TrimEnd(' ');
    }
}
