using DisclosureExtract.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>Something printed on a page, in reading order by its top edge.</summary>
internal abstract record PdfPageItem(double Top, double Bottom);

/// <summary>A line of running text (outside tables), with the size of its largest glyph (0 when not known).</summary>
internal sealed record PdfTextItem(double Top, double Bottom, string Text, double Size = 0) : PdfPageItem(Top, Bottom);

/// <summary>
/// A table (ruled or aligned): its column edges and its rows, each with one cell per grid column; for a ruled
/// table, which cells of the last row end on a full line (text that may go on over a page break).
/// </summary>
internal sealed record PdfTableItem(double Top, double Bottom, IReadOnlyList<double> ColumnEdges, IReadOnlyList<IReadOnlyList<TextCell>> Rows,
    IReadOnlyList<bool>? LastRowFull = null)
    : PdfPageItem(Top, Bottom);

/// <summary>
/// What one page holds: its items top to bottom, its height as written, the census of its printed glyphs, and its images
/// when it has no text.
/// </summary>
internal sealed record PdfPageContent(int Number, double Height, IReadOnlyList<PdfPageItem> Items, PdfGlyphCensus Glyphs, int Images);

/// <summary>Lays out one page: ruled tables first, the remaining glyphs as text lines and aligned tables, all in reading order.</summary>
internal static class PdfPageLayout
{
    public static PdfPageContent Read(Page page)
    {
        var frame = PdfPageFrame.Of(page);
        var glyphs = Glyphs(page, frame, visibleOnly: true, out var offPage);
        if (offPage > glyphs.Count)
        {
            glyphs = Glyphs(page, frame, visibleOnly: false, out _); // most text outside the page box: the box is wrong, not the text
        }

        var printed = 0;
        var printedSizes = 0.0;
        foreach (var g in glyphs)
        {
            if (!g.IsSpace)
            {
                printed++;
                printedSizes += g.Size;
            }
        }

        var items = new List<PdfPageItem>();
        var fills = new List<PdfRectangle>();
        var tables = printed == 0 ? [] : PdfRuledTable.Find(PdfRulings.Extract(page, frame, fills));
        var (inTable, free) = DealToTables(glyphs, tables);
        for (var t = 0; t < tables.Count; t++)
        {
            var rows = tables[t].Rows(inTable[t]);
            if (rows.Count == 0 || (rows.Count < 2 && rows[0].Count(c => c.Text.Length > 0) < 2))
            {
                free.AddRange(inTable[t]); // a framed paragraph or a box, not a table
                continue;
            }

            items.Add(new PdfTableItem(tables[t].Top, tables[t].Bottom, tables[t].ColumnEdges, rows, tables[t].LastRowFull));
        }

        // the chart margin: three times the printed glyphs' mean size (summed in page order, divided, then tripled)
        var loose = printed == 0 ? [] : fills.Where(f => !tables.Any(t => t.Overlaps(f))).ToList();
        var charts = loose.Count < PdfCharts.MinBlocks ? [] : PdfCharts.Regions(loose, glyphs.Where(g => !g.IsSpace).ToList(), page.Width * page.Height, 3 * (printedSizes / printed));
        if (charts.Count > 0)
        {
            // labels of a chart are text lines, not the rows of a table without rules
            foreach (var line in PdfTextLine.Lines(free.Where(g => PdfCharts.Contains(charts, g))))
            {
                var text = PdfTextLine.Text(line).Trim();
                if (text.Length > 0)
                {
                    items.Add(new PdfTextItem(line.Max(g => g.Top), line.Min(g => g.Bottom), text, line.Max(g => g.Size)));
                }
            }

            free = free.Where(g => !PdfCharts.Contains(charts, g)).ToList();
        }

        items.AddRange(PdfUnruledTable.Items(PdfTextLine.Lines(free)));

        var ordered = items.OrderByDescending(i => i.Top).ToList(); // stable: equal tops keep their order
        var images = printed == 0 ? page.NumberOfImages : 0; // only asked for when a page has no text
        return new PdfPageContent(page.Number, frame.WrittenHeight, ordered, PdfGlyphCensus.Of(glyphs), images);
    }

    /// <summary>The glyphs inside each table (the first that contains a glyph takes it) and those outside all, in page order.</summary>
    private static (List<PdfGlyph>[] InTable, List<PdfGlyph> Free) DealToTables(List<PdfGlyph> glyphs, List<PdfRuledTable> tables)
    {
        // counted first, so that each list is made once at its size (most glyphs of a page of tables are in one)
        var tableOf = new int[glyphs.Count];
        var counts = new int[tables.Count + 1]; // the last: outside all tables
        for (var i = 0; i < glyphs.Count; i++)
        {
            var t = 0;
            while (t < tables.Count && !tables[t].Contains(glyphs[i]))
            {
                t++;
            }

            tableOf[i] = t;
            counts[t]++;
        }

        var lists = new List<PdfGlyph>[tables.Count + 1];
        for (var t = 0; t < lists.Length; t++)
        {
            lists[t] = new List<PdfGlyph>(counts[t]);
        }

        for (var i = 0; i < glyphs.Count; i++)
        {
            lists[tableOf[i]].Add(glyphs[i]);
        }

        return (lists[..^1], lists[^1]);
    }

    private static List<PdfGlyph> Glyphs(Page page, PdfPageFrame frame, bool visibleOnly, out int offPage)
    {
        var letters = page.Letters;
        var list = new List<PdfGlyph>(letters.Count);
        offPage = 0;

        // the visible page: glyphs placed outside it (a spreadsheet's hidden rows, text pushed off the page) are not printed
        var visible = page.Rotation.Value % 360 == 0 ? page.CropBox.Bounds : new PdfRectangle(0, 0, page.Width, page.Height);
        foreach (var l in letters)
        {
            if (string.IsNullOrEmpty(l.Value))
            {
                continue;
            }

            var mid = new PdfPoint((l.StartBaseLine.X + l.EndBaseLine.X) / 2, (l.StartBaseLine.Y + l.EndBaseLine.Y) / 2);
            if (visibleOnly && (mid.X < visible.Left - 1 || mid.X > visible.Right + 1 || mid.Y < visible.Bottom - 1 || mid.Y > visible.Top + 1))
            {
                offPage++;
                continue;
            }

            var start = frame.ToWritten(l.StartBaseLine);
            var end = frame.ToWritten(l.EndBaseLine);
            double left, right, baseline, size;
            if (Math.Abs(end.Y - start.Y) <= 0.01 * Math.Max(l.PointSize, 1) && end.X >= start.X)
            {
                left = start.X;
                right = end.X;
                baseline = start.Y;
                size = l.PointSize;
            }
            else
            {
                // text that runs another way on the page: its box stands for it
                var box = frame.ToWritten(l.BoundingBox);
                left = box.Left;
                right = box.Right;
                baseline = box.Bottom;
                size = box.Height;
            }

            if (!(size > 0.5 && size < 300))
            {
                size = Math.Max(Math.Abs(l.BoundingBox.Height), 4);
            }

            // a printed space is kept as a marker: Chinese text has few, and where it has one it means it
            list.Add(new PdfGlyph(string.IsNullOrWhiteSpace(l.Value) ? " " : l.Value, left, right, baseline, size));
        }

        return list;
    }
}
