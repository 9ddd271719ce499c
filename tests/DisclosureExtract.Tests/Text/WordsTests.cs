using DisclosureExtract.Text;

namespace DisclosureExtract.Tests.Text;

public class WordsTests
{
    private static readonly string[] Texts = ["一般公共预算财政拨款支出表", "项目支出", "", "其中：人员经费", "合计", "政府性基金预算"];

    private static readonly string[][] Lists = [[], ["预算"], ["支出", "收入"], ["一般公共", "财政拨款", "支出表"], ["其中", "人员"], ["不在"]];

    [Fact]
    public void Each_test_agrees_with_its_linq_form_on_every_pair()
    {
        foreach (var text in Texts)
        {
            foreach (var words in Lists)
            {
                Assert.Equal(words.All(w => text.Contains(w, StringComparison.Ordinal)), Words.ContainsAll(text, words));
                Assert.Equal(words.Any(w => text.Contains(w, StringComparison.Ordinal)), Words.ContainsAny(text, words));
                Assert.Equal(words.Any(w => text.StartsWith(w, StringComparison.Ordinal)), Words.StartsWithAny(text, words));
            }
        }

        foreach (var words in Lists)
        {
            Assert.Equal(Texts.Any(t => words.Any(w => t.Contains(w, StringComparison.Ordinal))), Words.AnyContainsAny(Texts, words));
        }
    }

    [Fact]
    public void No_words_means_all_true_and_any_false()
    {
        Assert.True(Words.ContainsAll("合计", []));
        Assert.False(Words.ContainsAny("合计", []));
        Assert.False(Words.StartsWithAny("合计", []));
        Assert.False(Words.AnyContainsAny([], ["合计"]));
        Assert.True(Words.ContainsAll("一般公共预算支出", ["一般公共", "支出"]));
        Assert.False(Words.ContainsAll("一般公共预算收入", ["一般公共", "支出"]));
        Assert.True(Words.StartsWithAny("其中：人员经费", ["合计", "其中"]));
    }
}
