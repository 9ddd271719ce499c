using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Html;

/// <summary>Which tables are page layout (a cell with a table, a heading or several paragraphs): the walk by tag name
/// gives the answers of the CSS selector queries it replaced, on every table of the corpus pages and on the edge cases.</summary>
public class HtmlLayoutTableTests
{
    /// <summary>The former implementation, kept as the reference.</summary>
    private static bool BySelectors(IHtmlTableElement table)
    {
        if (table.QuerySelector("table, h1, h2, h3, h4, h5, h6") is not null)
        {
            return true;
        }

        if (table.QuerySelectorAll("p, div, li").Length < 5)
        {
            return false;
        }

        return table.Rows.SelectMany(r => r.Cells).Any(c => c.QuerySelectorAll("p, div, li").Length >= 5);
    }

    private static List<IHtmlTableElement> Tables(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("table").OfType<IHtmlTableElement>().ToList();

    private static string Ps(int n, string tag = "p") => string.Concat(Enumerable.Repeat($"<{tag}>x</{tag}>", n));

    public static TheoryData<string, bool> Cases => new()
    {
        { $"<table><tr><td>{Ps(5)}</td><td>1</td></tr></table>", true },
        { $"<table><tr><td>{Ps(4)}</td><td>{Ps(1)}</td></tr></table>", false }, // five in the table, no cell with five
        { $"<table><tr><td>{Ps(2)}{Ps(2, "div")}{Ps(1, "li")}</td></tr></table>", true },
        { "<table><tr><td><p>x<span><div>y</div></span></p><p>a</p><p>b</p><p>c</p></td></tr></table>", true }, // a div inside a p counts too
        { $"<table><caption>{Ps(5, "div")}</caption><tr><td>1</td><td>2</td></tr></table>", false }, // blocks outside the cells
        { "<table><tr><td><h3>标题</h3></td><td>1</td></tr></table>", true },
        { "<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>", true },
        { "<table><tr><th>类</th><th>金额</th></tr><tr><td>210</td><td>1.00</td></tr></table>", false },
        { $"<table><thead><tr><th>{Ps(5)}</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>", true },
        { $"<table><tr><td><svg><p>x</p></svg>{Ps(4)}</td></tr></table>", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_table_is_layout_when_a_cell_holds_a_table_a_heading_or_five_blocks(string html, bool layout)
    {
        var table = Tables("<html><body>" + html + "</body></html>")[0];

        Assert.Equal(layout, HtmlLineCollector.HoldsBlocks(table));
        Assert.Equal(BySelectors(table), HtmlLineCollector.HoldsBlocks(table));
    }

    [Fact]
    public void Every_table_of_the_corpus_pages_is_judged_as_the_selector_queries_judged_it()
    {
        // none of them is layout and none holds five blocks: the cases above hold those
        var tables = 0;
        foreach (var file in Directory.GetFiles(TestPaths.Corpus("html"), "*.html"))
        {
            foreach (var table in Tables(File.ReadAllText(file)))
            {
                tables++;
                Assert.Equal(BySelectors(table), HtmlLineCollector.HoldsBlocks(table));
            }
        }

        Assert.True(tables > 20, $"only {tables} tables in the corpus pages");
    }
}
