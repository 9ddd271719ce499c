using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Reading;

/// <summary>
/// Walks a parsed page in reading order and writes the document lines: every block of text (paragraph,
/// heading, list item, div, a line after &lt;br&gt;) becomes one line; every row of a data table becomes one
/// line whose cells are the expanded grid (<see cref="HtmlTableGrid"/>), so it looks like a tab-separated
/// text line with its empty cells kept. Layout tables (a table that holds another table or a heading, or
/// has a single column) are read as ordinary blocks.
/// </summary>
public sealed class HtmlLineCollector
{
    /// <summary>A cell holding this many paragraphs is page layout, not a table cell.</summary>
    private const int LayoutCellBlocks = 5;

    private readonly HtmlSourceLines _source;
    private readonly List<DocLine> _lines = [];
    private readonly StringBuilder _buffer = new();
    private int _bufferLine;
    private bool _bufferHeading;
    private bool _bufferHasText;
    private int _breakLine;

    public HtmlLineCollector(HtmlSourceLines source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>Collects the lines of everything shown under <paramref name="root"/> (normally the body).</summary>
    public IReadOnlyList<DocLine> Collect(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        WalkChildren(root, _source.LineOf(root) ?? 1, false);
        Flush();
        return _lines;
    }

    private void WalkChildren(INode node, int line, bool heading)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data, line, heading);
            }
            else if (child is IElement element)
            {
                WalkElement(element, line, heading);
            }
        }
    }

    private void WalkElement(IElement element, int line, bool heading)
    {
        if (HtmlText.IsIgnored(element))
        {
            return;
        }

        var here = _source.LineOf(element) ?? line;
        switch (element)
        {
            case IHtmlBreakRowElement:
                Flush();
                _breakLine = here;
                return;
            case IHtmlTableElement table:
                Flush();
                ReadTable(table, here, heading);
                return;
            case IHtmlPreElement pre:
                Flush();
                ReadPreformatted(pre, here);
                return;
        }

        heading |= HtmlText.IsHeading(element);
        if (HtmlText.IsBlock(element))
        {
            Flush();
            WalkChildren(element, here, heading);
            Flush();
        }
        else
        {
            WalkChildren(element, here, heading);
        }
    }

    private void Append(string text, int line, bool heading)
    {
        var printed = !string.IsNullOrWhiteSpace(text);
        if (!_bufferHasText && printed)
        {
            _bufferLine = Math.Max(line, _breakLine);
        }

        _buffer.Append(text);
        _bufferHasText |= printed;
        _bufferHeading |= heading && printed;
    }

    /// <summary>Ends the current block: its text, if any, becomes a line.</summary>
    private void Flush()
    {
        var text = HtmlText.Collapse(_buffer.ToString());
        if (text.Length > 0)
        {
            _lines.Add(new DocLine(_lines.Count, _bufferLine, null, text, TextNormalizer.Fold(text), null, _bufferHeading));
        }

        _buffer.Clear();
        _bufferHeading = false;
        _bufferHasText = false;
        _breakLine = 0;
    }

    private void ReadTable(IHtmlTableElement table, int line, bool heading)
    {
        var grid = HoldsBlocks(table) ? null : HtmlTableGrid.Expand(table, HtmlText.OneLine);
        if (grid is null || grid.Count == 0 || grid[0].Cells.Count <= 1)
        {
            ReadAsBlocks(table, line, heading);
            return;
        }

        if (table.Caption is { } caption && !HtmlText.IsIgnored(caption))
        {
            WalkElement(caption, line, heading);
        }

        foreach (var row in grid)
        {
            if (row.Cells.All(c => c.Length == 0))
            {
                continue;
            }

            var cells = row.Cells.Select((c, i) => new TextCell(c, i)).ToList();
            var text = string.Join('\t', row.Cells);
            var number = _source.LineOf(row.Row) ?? line;
            _lines.Add(new DocLine(_lines.Count, number, null, text, TextNormalizer.Fold(text), cells));
        }
    }

    /// <summary>Reads a layout table's cells in order, each as a block (nested tables are read as tables).</summary>
    private void ReadAsBlocks(IHtmlTableElement table, int line, bool heading)
    {
        if (table.Caption is { } caption)
        {
            WalkElement(caption, line, heading);
        }

        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Cells)
            {
                if (HtmlText.IsIgnored(cell))
                {
                    continue;
                }

                Flush();
                WalkChildren(cell, _source.LineOf(cell) ?? line, heading);
                Flush();
            }
        }
    }

    /// <summary>A cell that holds a table, a heading or several paragraphs makes the table page layout.</summary>
    /// <remarks>Walks the table's elements and compares tag names. It ran CSS selector queries (<c>table, h1 … h6</c> and
    /// <c>p, div, li</c> on the table, the second again on each cell when the table has five blocks), each parsing its
    /// selector again: 3.8% of the CPU samples of reading the corpus pages (400 copies, one job, csv,json), 2.9% walking.
    /// Same answers: an equivalence test keeps the selector queries as the reference.</remarks>
    internal static bool HoldsBlocks(IHtmlTableElement table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var blocks = 0;
        foreach (var e in table.Descendants<IElement>())
        {
            if (IsTableOrHeading(e))
            {
                return true;
            }

            blocks += IsBlock(e) ? 1 : 0;
        }

        if (blocks < LayoutCellBlocks)
        {
            return false;
        }

        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var inCell = 0;
                foreach (var e in cell.Descendants<IElement>())
                {
                    if (IsBlock(e) && ++inCell >= LayoutCellBlocks)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsTableOrHeading(IElement e) => e.LocalName is "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool IsBlock(IElement e) => e.LocalName is "p" or "div" or "li";

    /// <summary>Preformatted text keeps its own line breaks: each line of it is a line.</summary>
    private void ReadPreformatted(IHtmlPreElement pre, int line)
    {
        var raw = new StringBuilder();
        foreach (var node in pre.Descendants())
        {
            if (node is IText t && !HasIgnoredAncestor(t, pre))
            {
                raw.Append(t.Data);
            }
            else if (node is IHtmlBreakRowElement)
            {
                raw.Append('\n');
            }
        }

        var text = raw.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var offset = 0;
        foreach (var part in text.Split('\n'))
        {
            var printed = part.Replace('\u00A0', ' ').TrimEnd();
            if (printed.Trim(' ', '\t', '\u3000').Length > 0)
            {
                _lines.Add(new DocLine(_lines.Count, line + offset, null, printed, TextNormalizer.Fold(printed)));
            }

            offset++;
        }
    }

    private static bool HasIgnoredAncestor(INode node, IElement stop)
    {
        for (var e = node.ParentElement; e is not null && e != stop; e = e.ParentElement)
        {
            if (HtmlText.IsIgnored(e))
            {
                return true;
            }
        }

        return false;
    }
}
