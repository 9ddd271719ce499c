using System.Text;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests;

public class TextReaderTests
{
    private const string Sample = "第一部分 概况\n编制数 17，实有人数 20 人\n## 第二部分 预算公开表\n<b>合计</b>\t１２３．５０\n";

    [Fact]
    public void Utf8_with_and_without_bom_utf16_and_gb18030_read_the_same()
    {
        var plain = Encoding.UTF8.GetBytes(Sample);
        byte[] bom = [.. Encoding.UTF8.GetPreamble(), .. plain];
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)];
        var gb = TextDecoder.GB18030.GetBytes(Sample);
        Assert.NotEqual(plain, gb);

        var expected = Read(plain);
        Assert.Equal(expected, Read(bom));
        Assert.Equal(expected, Read(utf16));
        Assert.Equal(expected, Read(gb));
        Assert.Equal("gb18030", new PlainTextReader().Read("x", "x", gb, "").Encoding);
    }

    [Fact]
    public void Crlf_and_lf_give_the_same_lines_and_numbers()
    {
        var lf = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(Sample), "");
        var crlf = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(Sample.Replace("\n", "\r\n", StringComparison.Ordinal)), "");
        Assert.Equal(lf.Lines.Select(l => (l.Number, l.Text)), crlf.Lines.Select(l => (l.Number, l.Text)));
        Assert.Equal(3, lf.Lines.Single(l => l.Text.Contains("第二部分", StringComparison.Ordinal)).Number);
    }

    [Fact]
    public void Markup_is_removed_but_printed_names_keep_their_form_and_norm_folds_full_width()
    {
        var doc = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(Sample), "");
        var heading = doc.Lines[2];
        Assert.True(heading.IsHeading);
        Assert.Equal("第二部分 预算公开表", heading.Text);
        var row = doc.Lines[3];
        Assert.Equal("合计\t１２３．５０", row.Text);
        Assert.Equal(["合计", "１２３．５０"], row.Cells!.Select(c => c.Text));
        Assert.Contains("123.50", row.Norm, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_feeds_count_pages()
    {
        var doc = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes("a\nb\f c\nd"), "");
        Assert.Equal([1, 1, 2, 2], doc.Lines.Select(l => l.Page ?? 0));
        Assert.Equal(["a", "b", " c", "d"], doc.Lines.Select(l => l.Text));
    }

    [Theory]
    [InlineData(new byte[0], "empty file")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0x10, 0x00, 0x7F }, "binary data, not a text document")]
    public void Unreadable_input_fails_with_a_specific_error(byte[] bytes, string error)
    {
        var r = new DisclosurePipeline().Convert(new InputFile("junk.txt", "junk"), bytes);
        Assert.Equal(Model.ConversionStatus.Failed, r.Status);
        Assert.Equal(error, r.Error);
    }

    private static List<(int, string)> Read(byte[] bytes) =>
        new PlainTextReader().Read("x", "x", bytes, "").Lines.Select(l => (l.Number, l.Text)).ToList();
}

public class InputSnifferTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "Pdf")]
    [InlineData("<!DOCTYPE html><html>", "Html")]
    [InlineData("<!-- saved from url=(0042)http://example/ -->\n<html>", "Html")]
    [InlineData("  <body>\n<p>x</p>", "Html")]
    [InlineData("<table><tr><td>1</td></tr></table>", "Html")]
    [InlineData("<b>一、本年收入</b>\t996.43", "Text")]
    [InlineData("第一部分 概况", "Text")]
    public void Format_is_sniffed_from_the_content(string start, string format) =>
        Assert.Equal(format, DisclosureExtract.Pipeline.InputSniffer.Sniff(System.Text.Encoding.UTF8.GetBytes(start)).ToString());
}
