using System.Text;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Html;

/// <summary>BOM, then the page's charset declaration, then detection.</summary>
public class HtmlEncodingTests
{
    private static readonly Encoding Gbk = GbkEncoding();

    private static Encoding GbkEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static List<(int, string, string?)> Lines(byte[] bytes) =>
        new HtmlDocumentReader().Read("x", "x.html", bytes, "").Lines
            .Select(l => (l.Number, l.Text, l.Cells is null ? null : string.Join('|', l.Cells.Select(c => $"{c.Column}:{c.Text}"))))
            .ToList();

    [Theory]
    [InlineData("tekes-2023")]
    [InlineData("kizilsu-2025")]
    public void A_gbk_copy_of_a_corpus_page_reads_the_same_as_the_utf8_page(string id)
    {
        var utf8Bytes = File.ReadAllBytes(TestPaths.Corpus("html", id + ".html"));
        var html = Encoding.UTF8.GetString(utf8Bytes);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        var gbkBytes = Gbk.GetBytes(html.Replace("<meta charset=\"utf-8\">", "<meta charset=\"gbk\">", StringComparison.Ordinal));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(gbkBytes));

        var utf8 = new HtmlDocumentReader().Read("x", "x.html", utf8Bytes, "");
        var gbk = new HtmlDocumentReader().Read("x", "x.html", gbkBytes, "");

        Assert.Equal("utf-8", utf8.Encoding);
        Assert.Equal("gb18030", gbk.Encoding);
        Assert.Equal(utf8.Lines.Count, gbk.Lines.Count);
        Assert.Equal(Lines(utf8Bytes), Lines(gbkBytes));
    }

    [Fact]
    public void An_http_equiv_gb2312_declaration_is_read()
    {
        const string Html = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\"></head><body><p>部门预算公开</p></body></html>";
        var doc = new HtmlDocumentReader().Read("x", "x.html", Gbk.GetBytes(Html), "");

        Assert.Equal("gb18030", doc.Encoding);
        Assert.Equal("部门预算公开", doc.Lines.Single().Text);
    }

    [Fact]
    public void The_declaration_decides_over_detection()
    {
        // é as one windows-1252 byte is neither UTF-8 nor GB18030: only the declaration can read it
        const string Html = "<html><head><meta charset=\"windows-1252\"></head><body><p>café</p></body></html>";
        var bytes = Encoding.Latin1.GetBytes(Html);
        Assert.ThrowsAny<Exception>(() => TextDecoder.Decode(bytes));

        var doc = new HtmlDocumentReader().Read("x", "x.html", bytes, "");

        Assert.Equal("café", doc.Lines.Single().Text);
        Assert.Equal("windows-1252", doc.Encoding);
    }

    [Fact]
    public void A_byte_order_mark_decides_over_the_declaration()
    {
        const string Html = "<html><head><meta charset=\"gbk\"></head><body><p>预算</p></body></html>";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Html)];

        var doc = new HtmlDocumentReader().Read("x", "x.html", bytes, "");

        Assert.Equal("utf-8-bom", doc.Encoding);
        Assert.Equal("预算", doc.Lines.Single().Text);
    }

    [Fact]
    public void A_declaration_the_bytes_contradict_gives_way_to_detection()
    {
        const string Html = "<html><head><meta charset=\"utf-8\"></head><body><p>预算公开</p></body></html>";

        var doc = new HtmlDocumentReader().Read("x", "x.html", Gbk.GetBytes(Html), "");

        Assert.Equal("gb18030", doc.Encoding);
        Assert.Equal("预算公开", doc.Lines.Single().Text);
    }

    [Fact]
    public void A_page_a_scraper_saved_as_utf8_under_its_old_gb2312_declaration_reads_as_utf8()
    {
        var html = File.ReadAllText(TestPaths.Corpus("html", "shanshan-2024.html"), Encoding.UTF8)
            .Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(html);

        var doc = new HtmlDocumentReader().Read("x", "x.html", bytes, "");

        Assert.Equal("utf-8", doc.Encoding);
        Assert.Contains(doc.Lines, l => l.Text == "第四部分 名词解释");
    }

    [Fact]
    public void Without_a_declaration_gbk_is_detected()
    {
        const string Html = "<html><body><p>一般公共预算支出情况表</p></body></html>";

        var doc = new HtmlDocumentReader().Read("x", "x.html", Gbk.GetBytes(Html), "");

        Assert.Equal("gb18030", doc.Encoding);
        Assert.Equal("一般公共预算支出情况表", doc.Lines.Single().Text);
    }

    [Theory]
    [InlineData("text/html; charset=GB2312", "GB2312")]
    [InlineData("text/html;charset=\"utf-8\"", "utf-8")]
    [InlineData("text/html; Charset = gbk ; foo", "gbk")]
    [InlineData("text/html", null)]
    [InlineData("text/html; charset=", null)]
    public void The_charset_of_a_content_type_is_its_parameter(string contentType, string? expected)
    {
        Assert.Equal(expected, HtmlCharset.CharsetOfContentType(contentType));
    }
}
