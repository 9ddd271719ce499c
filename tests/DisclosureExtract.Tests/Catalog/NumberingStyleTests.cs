using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tests.Catalog;

/// <summary>
/// Numbering styles are catalog entries ("numbering" in budget.json): a table number printed before or above a title.
/// The worked example of docs/catalog.md ("Add a layout").
/// </summary>
public sealed class NumberingStyleTests
{
    [Theory]
    [InlineData("表3", "3")]
    [InlineData("附表3", "3")]
    [InlineData("公开05表", "05")]
    [InlineData("（三）", "三")]
    [InlineData("表三", "三")]
    [InlineData("附表三", "三")]
    [InlineData("第3张表", "3")]
    public void The_budget_catalog_reads_the_printed_table_number(string printed, string number)
    {
        var n = Catalogs.Budget.TableNumber(TextNormalizer.Fold(printed));

        Assert.NotNull(n);
        Assert.Equal(number, n.Value.Number);
    }

    /// <summary>A number line above the title starts the table (StartLine is the number's line, 1); a line the catalog
    /// does not read as a number is left before the table, which then starts at its title (line 2).</summary>
    [Theory]
    [InlineData("表3", "一般公共预算支出表", "general_budget_expenditure", 1)]
    [InlineData("附表3", "一般公共预算支出表", "general_budget_expenditure", 1)]
    [InlineData("表三", "一般公共预算支出表", "general_budget_expenditure", 1)]
    [InlineData("附表三", "部门收支总表", "income_expenditure_summary", 1)]
    [InlineData("第5张表", "一般公共预算支出表", "general_budget_expenditure", 1)]
    [InlineData("2026年部门收支总表（表一）", null, "income_expenditure_summary", 1)]
    public void A_table_under_the_numbering_style_is_read_as_its_kind(string first, string? second, string key, int startLine)
    {
        var lines = new List<DocLine>();
        void Text(string s) => lines.Add(new DocLine(lines.Count, lines.Count + 1, 1, s, TextNormalizer.Fold(s)));
        void Row(params string[] cells)
        {
            var row = cells.Select((c, i) => new TextCell(c, i, i * 10.0, (i + 1) * 10.0)).ToList();
            var text = string.Join("\t", cells);
            lines.Add(new DocLine(lines.Count, lines.Count + 1, 1, text, TextNormalizer.Fold(text), row));
        }

        Text("第二部分 预算公开表");
        Text(first);
        if (second is not null)
        {
            Text(second);
        }

        Text("单位：万元");
        Row("项目", "合计", "基本支出");
        Row("合计", "1.00", "1.00");
        var tables = TableRecognizer.Recognize(new SourceDocument("t", "t.pdf", SourceFormat.Pdf, "0", null, 1, lines), []).Tables;

        var table = Assert.Single(tables);
        Assert.Equal(key, table.TableKey);
        Assert.Equal(startLine, table.StartLine);
    }
}

/// <summary>The catalog reads a line's table number with its numbering patterns as one alternation when all are anchored
/// at the start: the same answer as trying them one by one, in order.</summary>
public sealed class NumberingAsOnePatternTests
{
    /// <summary>The patterns one by one, in the catalog's order: what TableNumber answered before they were joined.</summary>
    private static (string Number, string Remainder)? OneByOne(DisclosureCatalog catalog, string norm)
    {
        foreach (var pattern in catalog.Numbering)
        {
            var m = pattern.Match(norm);
            if (m.Success)
            {
                return (m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["cn"].Value, norm[m.Length..].TrimStart(' ', ':', '：', '.', '、'));
            }
        }

        return null;
    }

    public static TheoryData<string> Catalogs_ => new(Catalogs.All.Select(c => c.Kind));

    [Theory]
    [MemberData(nameof(Catalogs_))]
    public void Every_line_of_the_corpus_gets_the_number_the_patterns_one_by_one_give(string kind)
    {
        var catalog = Catalogs.All.Single(c => c.Kind == kind);
        Assert.True(catalog.NumberingIsOnePattern);
        var lines = Directory.GetFiles(TestPaths.Corpus("text"), "*.txt")
            .SelectMany(f => new DisclosureExtract.Reading.PlainTextReader().Read("d", f, File.ReadAllBytes(f), "").Lines)
            .Select(l => l.Norm)
            .Concat(["表3", "附表3 ", "表 12-1 部门收支总表", "表123", "第3张表", "公开05表", "部门决算3表", "（三）", "三、", "三.", "十一、收入", "12. 项目", "1.5", "表三：", "表三支出", "附表", ""])
            .ToList();

        var numbered = 0;
        foreach (var norm in lines)
        {
            var expected = OneByOne(catalog, norm);
            Assert.Equal(expected, catalog.TableNumber(norm));
            numbered += expected is null ? 0 : 1;
        }

        Assert.True(numbered > 100, $"{numbered} numbered lines");
    }
}
