using AngleSharp.Html.Parser;

namespace DisclosureExtract.Tests.Outputs;

[Collection(OutputsCollection.Name)]
public class ReportDomTests(OutputsFixture fx)
{
    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string path) => new HtmlParser().ParseDocument(File.ReadAllText(path));

    [Fact]
    public void The_index_lists_every_document_with_its_status_counts_and_working_links()
    {
        var (header, documents) = fx.Csv("documents.csv");
        int Col(string name) => Array.IndexOf(header, name);
        var page = Parse(Path.Combine(fx.Dir, "report", "index.html"));
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(documents.Count, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].QuerySelectorAll("td");
            Assert.Equal(documents[i][0], cells[0].TextContent);
            Assert.Equal(documents[i][Col("status")], cells[3].TextContent);
            Assert.Equal(documents[i][Col("findings_errors")], cells[5].TextContent);
            Assert.Equal(documents[i][Col("findings_warnings")], cells[6].TextContent);
            foreach (var a in rows[i].QuerySelectorAll("a[href]"))
            {
                var target = Path.GetFullPath(Path.Combine(fx.Dir, "report", Uri.UnescapeDataString(a.GetAttribute("href")!)));
                Assert.True(File.Exists(target), $"{a.GetAttribute("href")} exists");
            }
        }
    }

    [Fact]
    public void A_document_page_draws_every_value_with_its_source_line_and_links_culprit_cells_and_findings_both_ways()
    {
        var (header, items) = fx.Csv("line_items.csv");
        var (_, findings) = fx.Csv("findings.csv");
        var line = Array.IndexOf(header, "source_line");
        var (_, documents) = fx.Csv("documents.csv");
        var culprits = 0;
        foreach (var id in documents.Where(d => !d[^1].StartsWith("duplicate of", StringComparison.Ordinal)).Select(d => d[0]))
        {
            var page = Parse(Path.Combine(fx.Dir, "report", id + ".html"));
            var values = page.QuerySelectorAll("td.num");
            var mine = items.Where(r => r[0] == id).ToList();
            Assert.Equal(mine.Count, values.Length);
            Assert.All(values, td => Assert.Matches("^(第\\d+页 )?第\\d+行", td.GetAttribute("title") ?? string.Empty));
            Assert.Equal(mine.Select(r => r[line]).Order(), values.Select(td => System.Text.RegularExpressions.Regex.Match(td.GetAttribute("title")!, "第(\\d+)行").Groups[1].Value).Order());
            Assert.Equal(findings.Count(f => f[0] == id), page.QuerySelectorAll("ol.findings > li").Length);
            foreach (var td in page.QuerySelectorAll("td.culprit"))
            {
                culprits++;
                var link = td.QuerySelector("a")!.GetAttribute("href")!;
                var finding = page.GetElementById(link[1..]);
                Assert.NotNull(finding);
                Assert.Contains("error", finding!.ClassName, StringComparison.Ordinal);
            }

            foreach (var a in page.QuerySelectorAll("ol.findings a[href^='#t']"))
            {
                Assert.NotNull(page.GetElementById(a.GetAttribute("href")![1..]));
            }
        }

        Assert.True(culprits >= 10, $"{culprits} culprit cells");
    }

    [Fact]
    public void Pages_are_static_and_self_contained_and_fit_a_phone()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(fx.Dir, "report"), "*.html"))
        {
            var page = Parse(file);
            Assert.Empty(page.QuerySelectorAll("script, link, iframe, img, object, embed"));
            Assert.DoesNotContain(page.QuerySelectorAll("[src], [href]"), e =>
                (e.GetAttribute("src") ?? e.GetAttribute("href") ?? string.Empty).Contains("//", StringComparison.Ordinal));
            Assert.Equal("width=device-width, initial-scale=1", page.QuerySelector("meta[name=viewport]")?.GetAttribute("content"));
            Assert.All(page.QuerySelectorAll("table"), t => Assert.Equal("scroll", t.ParentElement!.ClassName));
        }
    }
}
