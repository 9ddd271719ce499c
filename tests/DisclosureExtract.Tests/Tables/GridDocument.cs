using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Tables;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tests.Tables;

/// <summary>
/// Builds a document line by line as the PDF reader gives it: text lines, and rows of cells in grid columns (a cell is
/// (column, text) or (column, text, span); a spanning cell has the extent of its span).
/// </summary>
internal sealed class GridDocument
{
    private const double Width = 10;
    private readonly List<DocLine> _lines = [];
    private readonly int _columns;
    private int _page = 1;
    private int _lineOnPage;

    public GridDocument(int columns) => _columns = columns;

    public GridDocument Page()
    {
        _page++;
        _lineOnPage = 0;
        return this;
    }

    public GridDocument Text(string text)
    {
        _lines.Add(new DocLine(_lines.Count, ++_lineOnPage, _page, text, TextNormalizer.Fold(text)));
        return this;
    }

    public GridDocument Row(params (int Column, string Text)[] cells) => Spans(cells.Select(c => (c.Column, c.Text, 1)).ToArray());

    public GridDocument Spans(params (int Column, string Text, int Span)[] cells)
    {
        var row = new List<TextCell>();
        for (var c = 0; c < _columns; c++)
        {
            var at = cells.FirstOrDefault(x => x.Column == c);
            row.Add(at.Text is null
                ? new TextCell(string.Empty, c, c * Width, (c + 1) * Width)
                : new TextCell(at.Text, c, c * Width, (c + at.Span) * Width));
        }

        var text = string.Join("\t", row.Select(x => x.Text));
        _lines.Add(new DocLine(_lines.Count, ++_lineOnPage, _page, text, TextNormalizer.Fold(text), row));
        return this;
    }

    public SourceDocument Source => new("t", "t.pdf", SourceFormat.Pdf, "0", null, _page, _lines);

    /// <summary>The tables read with the budget catalog.</summary>
    public IReadOnlyList<BudgetTable> Tables() => TableRecognizer.Recognize(Source, []).Tables;

    /// <summary>The tables, with the catalog the document's tables choose (no title word).</summary>
    public IReadOnlyList<BudgetTable> TablesOfItsKind()
    {
        var doc = Source;
        return TableRecognizer.Recognize(doc, [], TableRecognizer.CatalogFor(doc, null)).Tables;
    }

    public ConversionResult Convert() => DisclosurePipeline.Analyze(Source);
}
