using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DisclosureExtract.Reading;

/// <summary>One row of an expanded table grid: the <c>&lt;tr&gt;</c> and one text per grid column.</summary>
/// <param name="Row">The row element (for its source line).</param>
/// <param name="Cells">The text of every grid column, empty where nothing is printed.</param>
public sealed record HtmlGridRow(IHtmlTableRowElement Row, IReadOnlyList<string> Cells);

/// <summary>
/// Expands an HTML table into a rectangular grid, following the HTML table model: each cell takes the
/// first free column of its row, and <c>rowspan</c>/<c>colspan</c> reserve the slots below and to the right.
/// <para>
/// The rule for a cell that covers several slots: a HEADER cell (<c>&lt;th&gt;</c>, or any cell of a
/// <c>&lt;thead&gt;</c> row) is repeated in every slot it covers, because it labels every column (and row) under
/// it — so the lowest header row names each column in full (类 款 项 功能分类科目名称 总计 …) and a
/// spanning group title (财政拨款（补助）) sits above each of its columns. A DATA cell (<c>&lt;td&gt;</c>)
/// is printed once, in its first (top-left) slot, and the other slots it covers are empty — as a
/// tab-separated converter writes it — so a 合计 spanning the code columns, or a long text spanning a row,
/// is not repeated.
/// </para>
/// </summary>
public static class HtmlTableGrid
{
    private const int MaxColSpan = 1000;
    private const int MaxRowSpan = 65534;

    private sealed record Slot(IHtmlTableCellElement Cell, bool Origin, bool Header);

    /// <summary>Expands the table's own rows (not those of nested tables). Every row has the same number of cells.</summary>
    public static IReadOnlyList<HtmlGridRow> Expand(IHtmlTableElement table, Func<IElement, string> cellText)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cellText);
        var rows = table.Rows.ToList();
        var grid = new List<List<Slot?>>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            grid.Add([]);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var header = string.Equals(row.ParentElement?.LocalName, "thead", StringComparison.Ordinal);
            var col = 0;
            foreach (var cell in row.Cells)
            {
                while (col < grid[r].Count && grid[r][col] is not null)
                {
                    col++;
                }

                var colSpan = Math.Clamp(SpanOf(cell, "colspan", 1), 1, MaxColSpan);
                var rowSpan = SpanOf(cell, "rowspan", 1);
                var lastRow = rowSpan == 0 ? LastRowOfSection(rows, r) : Math.Min(rows.Count - 1, r + Math.Clamp(rowSpan, 1, MaxRowSpan) - 1);
                var isHeader = header || string.Equals(cell.LocalName, "th", StringComparison.Ordinal);
                for (var rr = r; rr <= lastRow; rr++)
                {
                    for (var cc = col; cc < col + colSpan; cc++)
                    {
                        Put(grid[rr], cc, new Slot(cell, rr == r && cc == col, isHeader));
                    }
                }

                col += colSpan;
            }
        }

        var width = grid.Count == 0 ? 0 : grid.Max(g => g.Count);
        var texts = new Dictionary<IHtmlTableCellElement, string>();
        string TextOf(IHtmlTableCellElement c)
        {
            if (!texts.TryGetValue(c, out var t))
            {
                t = cellText(c);
                texts[c] = t;
            }

            return t;
        }

        var result = new List<HtmlGridRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new string[width];
            for (var c = 0; c < width; c++)
            {
                var slot = c < grid[r].Count ? grid[r][c] : null;
                cells[c] = slot is not null && (slot.Origin || slot.Header) ? TextOf(slot.Cell) : string.Empty;
            }

            result.Add(new HtmlGridRow(rows[r], cells));
        }

        return result;
    }

    /// <summary>A span attribute as the HTML standard reads it: a leading non-negative integer, else the default.</summary>
    private static int SpanOf(IElement cell, string name, int fallback)
    {
        var value = cell.GetAttribute(name);
        if (value is null)
        {
            return fallback;
        }

        var s = value.Trim();
        var n = 0;
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]) && n < 1_000_000)
        {
            n = n * 10 + (s[digits] - '0');
            digits++;
        }

        return digits == 0 ? fallback : n;
    }

    /// <summary>rowspan="0" reaches the end of the row group (thead, tbody or tfoot) the row is in.</summary>
    private static int LastRowOfSection(List<IHtmlTableRowElement> rows, int r)
    {
        var section = rows[r].ParentElement;
        var last = r;
        while (last + 1 < rows.Count && rows[last + 1].ParentElement == section)
        {
            last++;
        }

        return last;
    }

    private static void Put(List<Slot?> row, int col, Slot slot)
    {
        while (row.Count <= col)
        {
            row.Add(null);
        }

        // overlapping spans (malformed tables): the first cell keeps the slot, as browsers do
        row[col] ??= slot;
    }
}
