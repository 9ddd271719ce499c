using UglyToad.PdfPig.Core;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Bar charts (the staff or budget charts of the overview) are drawn as filled bars standing on one axis, with
/// their value and axis labels around them. Those labels line up like a table without rules; inside a chart
/// they are read as plain text lines (as pdftotext prints them), never as table rows.
/// </summary>
internal static class PdfCharts
{
    /// <summary>Bars are at least this wide and tall (points); thinner fills are rules.</summary>
    private const double MinBar = 3.0;

    /// <summary>A chart has bars in three or more clusters: fewer filled rectangles hold none.</summary>
    public const int MinBlocks = 3;

    /// <summary>
    /// The regions of the page that hold bar charts: filled rectangles standing on one line (or hanging from
    /// one) in three or more clusters well apart from each other, the tallest a fifth taller than the lowest,
    /// with no text inside. A chart's region is the largest filled rectangle around its bars (its background,
    /// which holds the axis labels and legend) that covers less than half the page; without one, the bars and
    /// a margin around them.
    /// </summary>
    public static List<PdfRectangle> Regions(IReadOnlyList<PdfRectangle> fills, IReadOnlyList<PdfGlyph> glyphs, double pageArea, double margin)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        ArgumentNullException.ThrowIfNull(fills);
        var regions = new List<PdfRectangle>();
        if (fills.Count < MinBlocks)
        {
            return regions;
        }

        var blocks = fills.Where(f => f.Width >= MinBar && f.Height >= MinBar && f.Width * f.Height < pageArea / 4).ToList();
        if (blocks.Count < MinBlocks)
        {
            return regions;
        }

        foreach (var standing in new[] { true, false })
        {
            foreach (var line in Lines(blocks, standing))
            {
                // a bar holds no other block of its line (the plot area behind the bars does), and no text (a
                // painted table cell does)
                var bars = line.Where(f => !line.Any(o => Encloses(f, o) && o.Width * o.Height < f.Width * f.Height));
                var row = Apart(bars.OrderBy(b => b.Left).ToList());
                if (row.Count == 0 || row.Max(b => b.Height) < 1.2 * row.Min(b => b.Height)
                    || glyphs.Any(g => row.Any(b => g.CenterX > b.Left && g.CenterX < b.Right && g.CenterY > b.Bottom && g.CenterY < b.Top)))
                {
                    continue;
                }

                var box = new PdfRectangle(row.Min(b => b.Left), row.Min(b => b.Bottom), row.Max(b => b.Right), row.Max(b => b.Top));
                var frames = fills.Where(f => Encloses(f, box) && f.Width * f.Height < pageArea / 2 && (f.Width > box.Width + 1 || f.Height > box.Height + 1)).ToList();
                var region = frames.Count > 0
                    ? frames.MaxBy(f => f.Width * f.Height)
                    : new PdfRectangle(box.Left - margin, box.Bottom - margin, box.Right + margin, box.Top + margin);
                if (!regions.Contains(region))
                {
                    regions.Add(region);
                }
            }
        }

        return regions;
    }

    /// <summary>Blocks whose bottoms (or tops) lie within a point of each other, three or more to a line.</summary>
    private static IEnumerable<List<PdfRectangle>> Lines(List<PdfRectangle> blocks, bool standing)
    {
        double Edge(PdfRectangle b) => standing ? b.Bottom : b.Top;
        var sorted = blocks.OrderBy(Edge).ToList();
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || Edge(sorted[i]) - Edge(sorted[i - 1]) > 1)
            {
                if (i - start >= 3)
                {
                    yield return sorted.GetRange(start, i - start);
                }

                start = i;
            }
        }
    }

    public static bool Contains(IReadOnlyList<PdfRectangle> regions, PdfGlyph g)
    {
        foreach (var r in regions)
        {
            if (g.CenterX >= r.Left && g.CenterX <= r.Right && g.CenterY >= r.Bottom && g.CenterY <= r.Top)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The bars of one line when they stand in three or more clusters well apart from each other (the bars of
    /// one category touch; between categories there is room, a third of a bar or more, at least 5 points);
    /// empty otherwise. The cells of a shaded table row, painted as touching blocks or strips with hairline
    /// gaps, do not stand apart.
    /// </summary>
    private static List<PdfRectangle> Apart(List<PdfRectangle> row)
    {
        if (row.Count < 3)
        {
            return [];
        }

        var widths = row.Select(b => b.Width).Order().ToList();
        var gap = Math.Max(5, 0.3 * widths[widths.Count / 2]);
        var clusters = 1;
        var right = row[0].Right;
        for (var i = 1; i < row.Count; i++)
        {
            if (row[i].Left - right >= gap)
            {
                clusters++;
            }
            else if (row[i].Left - right > 0.5)
            {
                return []; // a narrow gap: strips of painted cells, not bars
            }

            right = Math.Max(right, row[i].Right);
        }

        return clusters >= 3 ? row : [];
    }

    private static bool Encloses(PdfRectangle outer, PdfRectangle inner) =>
        outer.Left <= inner.Left + 0.5 && outer.Right >= inner.Right - 0.5 && outer.Bottom <= inner.Bottom + 0.5 && outer.Top >= inner.Top - 0.5;
}
