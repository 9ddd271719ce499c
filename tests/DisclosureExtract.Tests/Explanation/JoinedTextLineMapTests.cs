using System.Text;
using DisclosureExtract.Explanation;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Explanation;

/// <summary>The offset → source line map of joined text, at the edges of lines, of a range and of slices.</summary>
public class JoinedTextLineMapTests
{
    private static readonly string[] Lines = ["甲乙", "   ", "丙", "- 3 -", "丁戊己"];

    [Fact]
    public void Every_offset_maps_to_the_line_its_character_came_from()
    {
        var doc = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(string.Join('\n', Lines)), "");
        var t = JoinedText.Of(doc.Lines);

        Assert.Equal("甲乙丙丁戊己", t.Text);
        int[] expected = [0, 0, 2, 4, 4, 4];
        Assert.Equal(expected, Enumerable.Range(0, t.Length).Select(t.LineAt));
        Assert.Equal(0, t.LineAt(-5)); // clamped
        Assert.Equal(4, t.LineAt(99));
    }

    [Fact]
    public void A_range_of_lines_and_a_slice_keep_the_source_lines()
    {
        var doc = new PlainTextReader().Read("x", "x", Encoding.UTF8.GetBytes(string.Join('\n', Lines)), "");
        var range = JoinedText.Of(doc.Lines, 2, 5);
        Assert.Equal("丙丁戊己", range.Text);
        Assert.Equal(2, range.LineAt(0));
        Assert.Equal(4, range.LineAt(1));

        var slice = JoinedText.Of(doc.Lines).Slice(1, 3); // 乙丙丁
        Assert.Equal("乙丙丁", slice.Text);
        int[] expected = [0, 2, 4];
        Assert.Equal(expected, Enumerable.Range(0, slice.Length).Select(slice.LineAt));
        Assert.Equal(0, JoinedText.Of(doc.Lines).Slice(3, 0).LineAt(0));
    }
}
