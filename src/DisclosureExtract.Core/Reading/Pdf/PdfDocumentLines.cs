using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Turns laid-out pages into document lines: one line per text line and per table row, numbered on
/// their page top to bottom. A table that ends a page and goes on at the top of the next page with the
/// same columns is one table: the header rows it repeats are dropped.
/// </summary>
internal static class PdfDocumentLines
{
    private const double EdgeTolerance = 3.0;

    public static List<DocLine> Build(IReadOnlyList<PdfPageContent> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var items = PdfPageFurniture.Remove(pages);
        var lines = new List<DocLine>();
        PdfTableItem? openTable = null; // the table that ended the previous page
        IReadOnlyList<IReadOnlyList<TextCell>>? openHeader = null; // rows of that table's first block
        for (var p = 0; p < pages.Count; p++)
        {
            var pageNo = pages[p].Number;
            var number = 0;
            var pageItems = items[p];
            for (var i = 0; i < pageItems.Count; i++)
            {
                switch (pageItems[i])
                {
                    case PdfTextItem t:
                        number++;
                        lines.Add(new DocLine(lines.Count, number, pageNo, t.Text, TextNormalizer.Fold(t.Text)));
                        break;
                    case PdfTableItem table:
                        IEnumerable<IReadOnlyList<TextCell>> rows = table.Rows;
                        var map = i == 0 && openTable is not null ? ColumnMap(openTable.ColumnEdges, table.ColumnEdges) : null;
                        if (map is not null && openTable is not null && openHeader is not null)
                        {
                            // the table goes on from the previous page: same grid columns, repeated header dropped
                            var grid = openTable.ColumnEdges;
                            var remapped = table.Rows.Select(r => Remap(r, map, grid)).ToList();
                            var skip = RepeatedHeaderRows(openHeader, remapped);
                            if (skip < remapped.Count && lines.Count > 0 && lines[^1].Cells is { } last
                                && ContinuesRow(last, openTable.LastRowFull, remapped[skip]))
                            {
                                // the page broke inside a row: its wrapped texts go on at the top of this page
                                lines[^1] = JoinRow(lines[^1], remapped[skip]);
                                skip++;
                            }

                            rows = remapped.Skip(skip);
                            pageItems[i] = table with { ColumnEdges = grid, Rows = remapped, LastRowFull = RemapFlags(table.LastRowFull, map, grid.Count - 1) };
                        }
                        else
                        {
                            openHeader = table.Rows;
                        }

                        foreach (var row in rows)
                        {
                            number++;
                            var text = string.Join('\t', row.Select(c => c.Text));
                            lines.Add(new DocLine(lines.Count, number, pageNo, text, TextNormalizer.Fold(text), row));
                        }

                        break;
                    default:
                        break;
                }
            }

            openTable = pageItems.Count > 0 ? pageItems[^1] as PdfTableItem : null;
        }

        return lines;
    }

    /// <summary>
    /// True when the first row of a continued block is the rest of the previous page's last row: it has no
    /// amount, and each of its texts sits in a column where the last row's text ended on a full line (a name
    /// wrapped at the page foot: 其他建筑物、构筑物修 / 缮).
    /// </summary>
    private static bool ContinuesRow(IReadOnlyList<TextCell> last, IReadOnlyList<bool>? lastFull, IReadOnlyList<TextCell> first)
    {
        if (lastFull is null || lastFull.Count != last.Count || first.Count != last.Count || !last.Any(c => PdfTextLine.IsNumeric(c.Text)))
        {
            return false;
        }

        var any = false;
        for (var c = 0; c < first.Count; c++)
        {
            if (first[c].Text.Length == 0)
            {
                continue;
            }

            if (PdfTextLine.IsNumeric(first[c].Text) || !lastFull[c] || last[c].Text.Length == 0 || PdfTextLine.IsNumeric(last[c].Text))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static DocLine JoinRow(DocLine line, IReadOnlyList<TextCell> rest)
    {
        var cells = line.Cells!.Select((c, k) => rest[k].Text.Length == 0 ? c : c with { Text = c.Text + rest[k].Text }).ToList();
        var text = string.Join('\t', cells.Select(c => c.Text));
        return line with { Text = text, Norm = TextNormalizer.Fold(text), Cells = cells };
    }

    /// <summary>Per-column flags of a continued block in the grid columns of the table it continues.</summary>
    private static IReadOnlyList<bool>? RemapFlags(IReadOnlyList<bool>? flags, int[] map, int columns)
    {
        if (flags is null || flags.Count != map.Length - 1)
        {
            return null;
        }

        var result = new bool[columns];
        for (var c = 0; c < flags.Count; c++)
        {
            result[map[c]] = flags[c];
        }

        return result;
    }

    /// <summary>How many leading rows of a continued table repeat the leading (header) rows of where it began.</summary>
    private static int RepeatedHeaderRows(IReadOnlyList<IReadOnlyList<TextCell>> first, IReadOnlyList<IReadOnlyList<TextCell>> next)
    {
        var n = 0;
        while (n < first.Count && n < next.Count && SameText(first[n], next[n]))
        {
            n++;
        }

        return n;
    }

    private static bool SameText(IReadOnlyList<TextCell> a, IReadOnlyList<TextCell> b) =>
        a.Count == b.Count && a.Zip(b).All(x => string.Equals(
            TextNormalizer.RemoveWhiteSpace(x.First.Text), TextNormalizer.RemoveWhiteSpace(x.Second.Text), StringComparison.Ordinal));

    /// <summary>
    /// Where each column edge of a continued table block sits among the edges of the block it continues
    /// (a page may hold only rows whose merged cells hide some rules); null when an edge has no match.
    /// </summary>
    private static int[]? ColumnMap(IReadOnlyList<double> grid, IReadOnlyList<double> edges)
    {
        var map = new int[edges.Count];
        var from = 0;
        for (var e = 0; e < edges.Count; e++)
        {
            var k = from;
            while (k < grid.Count && Math.Abs(grid[k] - edges[e]) > EdgeTolerance)
            {
                k++;
            }

            if (k == grid.Count)
            {
                return null;
            }

            map[e] = k;
            from = k + 1;
        }

        return map;
    }

    /// <summary>A row of a continued block in the grid columns of the table it continues.</summary>
    private static IReadOnlyList<TextCell> Remap(IReadOnlyList<TextCell> row, int[] map, IReadOnlyList<double> grid)
    {
        var cells = new TextCell[grid.Count - 1];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = new TextCell(string.Empty, c, grid[c], grid[c + 1]);
        }

        for (var c = 0; c < row.Count; c++)
        {
            var target = map[c];
            cells[target] = row[c] with { Column = target, Left = grid[target], Right = grid[map[c + 1]] };
        }

        return cells;
    }
}
