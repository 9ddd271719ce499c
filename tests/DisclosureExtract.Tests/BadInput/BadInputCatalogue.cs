using System.Text;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.BadInput;

/// <summary>One kind of bad (or merely awkward) input, how to make it, and the answer the tool must give.</summary>
/// <param name="Name">The catalogue entry.</param>
/// <param name="DocumentId">The document id its file gets.</param>
/// <param name="Status">documents.csv status expected.</param>
/// <param name="Error">A part of the expected error ("" when none is expected).</param>
/// <param name="Make">Creates the input inside the given folder.</param>
public sealed record BadInputCase(string Name, string DocumentId, string Status, string Error, Action<string> Make)
{
    public override string ToString() => Name;
}

/// <summary>The catalogue of bad inputs from the field (issue 10). Each entry is a test, and all of them together are one batch.</summary>
public static class BadInputCatalogue
{
    private static string Tekes => File.ReadAllText(TestPaths.Corpus("text", "tekes-2023.txt"), Encoding.UTF8);

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        new("empty file", "empty", "failed", "empty file", d => File.WriteAllBytes(Path.Combine(d, "empty.txt"), [])),
        new("binary junk", "junk", "failed", "binary data, not a text document",
            d => File.WriteAllBytes(Path.Combine(d, "junk.txt"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray())),
        new("an HTML error page saved as .pdf", "error-page", "failed", "not a budget disclosure",
            d => File.WriteAllText(Path.Combine(d, "error-page.pdf"),
                "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p><hr><p>nginx</p></body></html>\n")),
        new("a truncated PDF (a download cut short)", "truncated", "failed", "truncated PDF",
            d =>
            {
                var pdf = File.ReadAllBytes(TestPaths.Corpus("pdf", "tekes-2023.pdf"));
                File.WriteAllBytes(Path.Combine(d, "truncated.pdf"), pdf[..(pdf.Length / 3)]);
            }),
        new("an encrypted PDF", "encrypted", "failed", "encrypted PDF",
            d => File.Copy(TestPaths.Corpus("bad", "encrypted.pdf"), Path.Combine(d, "encrypted.pdf"))),
        new("a PDF with no text layer (a scan)", "scan", "failed", "no text layer: needs OCR",
            d =>
            {
                var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
                var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
                page.DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 300, 400);
                File.WriteAllBytes(Path.Combine(d, "scan.pdf"), builder.Build());
            }),
        new("a PDF whose text decodes to garbage", "unmapped-fonts", "failed", "text does not decode",
            d => File.Copy(TestPaths.Corpus("bad", "unmapped-fonts.pdf"), Path.Combine(d, "unmapped-fonts.pdf"))),
        new("text in GB18030", "gb18030-copy", "converted", "",
            d => File.WriteAllBytes(Path.Combine(d, "gb18030-copy.txt"), TextDecoder.GB18030.GetBytes(Tekes))),
        new("text in UTF-16 with BOM", "utf16-copy", "converted", "",
            d => File.WriteAllBytes(Path.Combine(d, "utf16-copy.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Tekes)])),
        new("a news article, not a disclosure", "news", "failed", "not a budget disclosure: no 预算/决算 tables found",
            d => File.WriteAllText(Path.Combine(d, "news.txt"),
                "本报讯 记者从县财政局获悉，今年全县一般公共预算收入保持平稳增长。\n\n财政局负责人表示，将继续加大民生投入，\n优化支出结构，确保重点支出需要。\n\n（责任编辑：王某）\n")),
        new("a disclosure of text only (its tables published apart)", "no-tables", "converted", "",
            d => File.WriteAllText(Path.Combine(d, "no-tables.txt"), WithoutTables(Tekes))),
        new("a table cut off in the middle (a download cut short)", "cut-table", "partial", "table 表3 ends before its 合计 row",
            d => File.WriteAllText(Path.Combine(d, "cut-table.txt"), CutInTable3(Tekes))),
        new("a 10 MB text with one enormous line", "one-line", "failed", "not a budget disclosure",
            d => File.WriteAllText(Path.Combine(d, "one-line.txt"), string.Concat(Enumerable.Repeat("预算数 1234.56 万元，", 600_000)))),
        new("a file name with spaces and Chinese characters", "特克斯 县 预算 2023", "converted", "",
            d => File.WriteAllText(Path.Combine(d, "特克斯 县 预算 2023.txt"), Tekes + "\n(re-posted)\n")),
        new("a symbolic link loop in an input folder", "loop", "failed", "symbolic link loop",
            d => Directory.CreateSymbolicLink(Path.Combine(d, "loop"), d)),
        new("two inputs with the same content", "same-content-b", "partial", "duplicate of same-content-a",
            d =>
            {
                // not byte-equal to the corpus copy, so only these two are duplicates of each other
                File.WriteAllText(Path.Combine(d, "same-content-a.txt"), Tekes + "\n(scraped twice)\n");
                File.WriteAllText(Path.Combine(d, "same-content-b.txt"), Tekes + "\n(scraped twice)\n");
            }),
    ];

    /// <summary>The document cut after the first rows of 表3 (单位支出总体情况表), as a truncated download would end.</summary>
    private static string CutInTable3(string text)
    {
        var lines = text.Split('\n');
        var title = Array.FindIndex(lines, l => l.Contains("支出总体情况表", StringComparison.Ordinal) && !l.Contains("收支", StringComparison.Ordinal));
        var firstRow = Array.FindIndex(lines, title, l => l.TrimStart().StartsWith("208 05", StringComparison.Ordinal));
        return string.Join('\n', lines[..(firstRow + 3)]);
    }

    /// <summary>The document without its 第二部分 (from its heading to the 第三部分 heading).</summary>
    private static string WithoutTables(string text)
    {
        var lines = text.Split('\n');
        var from = Array.FindIndex(lines, l => l.TrimStart().StartsWith("第二部分", StringComparison.Ordinal));
        var to = Array.FindIndex(lines, l => l.TrimStart().StartsWith("第三部分", StringComparison.Ordinal));
        return string.Join('\n', lines[..from].Concat(lines[to..]));
    }
}
