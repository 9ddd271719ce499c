using DisclosureExtract.Parts;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Text;

public class ContentsLineTests
{
    [Theory]
    [InlineData("一、部门收支总表 3", true)]
    [InlineData("部门收支总表　１２", true)] // a full-width digit is a digit to the pattern too
    [InlineData("部门收支总表 3\n", true)]
    [InlineData("部门收支总表……", true)]
    [InlineData("部门收支总表 3a", false)]
    [InlineData("部门收支总表", false)]
    [InlineData("", false)]
    [InlineData("3", false)]
    public void A_contents_line_ends_in_a_page_number_or_has_leaders(string line, bool contents)
    {
        Assert.Equal(contents, Contents.IsContentsLine(line));
    }

    [Fact]
    public void Testing_the_last_digit_first_changes_no_answer_on_corpus_lines_and_lines_given_page_numbers()
    {
        var lines = Directory.GetFiles(TestPaths.Corpus("text"), "*.txt")
            .SelectMany(f => new PlainTextReader().Read("d", f, File.ReadAllBytes(f), "").Lines)
            .SelectMany((l, i) => new[] { l.Norm, l.Text, $"{l.Norm} {i % 300}", $"{l.Norm}……{i % 30}", $"{l.Norm}{i % 10}" })
            .ToList();

        var contents = 0;
        foreach (var line in lines)
        {
            var byPatterns = Contents.Leader().IsMatch(line) || Contents.TrailingPageNumber().IsMatch(line);
            Assert.Equal(byPatterns, Contents.IsContentsLine(line));
            contents += byPatterns ? 1 : 0;
        }

        Assert.True(contents > 1000, $"{contents} contents lines");
    }
}
