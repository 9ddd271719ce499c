using System.Text;
using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests;

/// <summary>
/// UTF-8 is read line by line from its bytes (the whole text is never one string); that must give exactly the
/// lines of the decoded text split as before, for any mix of line ends, form feeds, tabs, markup and full-width text.
/// </summary>
public class TextReaderFastPathTests
{
    private static readonly string[] Pieces =
        ["\n", "\r\n", "\r", "\f", "\t", " ", "\u3000", "合计", "１２３．５０", "12.5", "## ", "- ", "<b>", "</b>", "**", "# 标题", "  ", "a"];

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder("第一部分 概况\n");
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    private static List<(int, int, int?, string, string, bool, string?)> Shape(IEnumerable<DocLine> lines) =>
        [.. lines.Select(l => (l.Index, l.Number, l.Page, l.Text, l.Norm, l.IsHeading, l.Cells is null ? null : string.Join("|", l.Cells.Select(c => $"{c.Column}:{c.Text}"))))];

    [Fact]
    public void Utf8_read_line_by_line_gives_the_lines_of_the_decoded_text()
    {
        var random = new Random(5);
        var reader = new PlainTextReader();
        for (var n = 0; n < 3000; n++)
        {
            var text = RandomText(random);
            byte[] bytes = (n % 4) switch
            {
                0 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
                1 => TextDecoder.GB18030.GetBytes(text), // not UTF-8 once it holds CJK: decoded as a whole
                _ => Encoding.UTF8.GetBytes(text),
            };
            var doc = reader.Read("x", "x", bytes, "");

            Assert.Equal(Shape(PlainTextReader.SplitLines(TextDecoder.Decode(bytes).Text)), Shape(doc.Lines));
            Assert.Equal(TextDecoder.Decode(bytes).EncodingName, doc.Encoding);
        }
    }

    [Fact]
    public void Invalid_utf8_is_not_read_as_utf8()
    {
        Assert.Null(TextDecoder.Utf8Start([0xFF, 0xFE, 0x41, 0x00]));
        Assert.Equal((3, "utf-8-bom"), TextDecoder.Utf8Start([0xEF, 0xBB, 0xBF, 0xC3]));
        Assert.Equal("gb18030", new PlainTextReader().Read("x", "x", TextDecoder.GB18030.GetBytes("部门预算\n合计"), "").Encoding);
        Assert.Throws<InputException>(() => new PlainTextReader().Read("x", "x", [0xEF, 0xBB, 0xBF, 0xC3], ""));
    }
}
