using AngleSharp.Html.Parser;
using DisclosureExtract.Model;

namespace DisclosureExtract.Reading;

/// <summary>
/// Reads a disclosure posted as a web page, with AngleSharp. The encoding comes from the byte-order mark,
/// the page's charset declaration or detection (<see cref="HtmlCharset"/>). Text outside tables becomes one
/// line per paragraph or heading (h1–h6 are headings); every table row becomes one line whose cells are the
/// table's grid after rowspan/colspan expansion (<see cref="HtmlTableGrid"/>). Scripts, styles, navigation and
/// hidden elements are left out. Line numbers are the lines of the elements in the HTML file.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Html;

    public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (text, encoding) = HtmlCharset.Decode(bytes);
        var lines = ReadLines(text);
        if (lines.Count == 0)
        {
            throw new InputException("no text: the HTML page shows no text");
        }

        return new SourceDocument(documentId, path, SourceFormat.Html, sha256, encoding, null, lines);
    }

    /// <summary>Parses decoded HTML and returns its document lines.</summary>
    public static IReadOnlyList<DocLine> ReadLines(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var page = parser.ParseDocument(html);
        var root = page.Body ?? page.DocumentElement;
        return new HtmlLineCollector(new HtmlSourceLines(html)).Collect(root);
    }
}
