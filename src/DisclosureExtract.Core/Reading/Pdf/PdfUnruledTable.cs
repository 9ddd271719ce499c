using DisclosureExtract.Model;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Tables printed without ruling lines. A run of consecutive text lines that break into several runs at
/// wide gaps, most of them with numbers, is a table. Its columns are the x-bands that the runs of its
/// number lines cover (numbers of one column overlap, being aligned); header runs go to the band they
/// overlap most. Each line becomes a row with one cell per band, like a ruled table's row.
/// </summary>
internal static class PdfUnruledTable
{
    /// <summary>A gap wider than this many font sizes separates two cells.</summary>
    private const double CellGap = 1.2;

    /// <summary>A table has at least this many lines with numbers.</summary>
    private const int MinNumberLines = 3;

    private const int MinColumns = 3;

    private sealed record Run(string Text, double Left, double Right, bool Numeric);

    /// <summary>Page items from text lines (top to bottom): tables where lines line up, text lines elsewhere.</summary>
    public static List<PdfPageItem> Items(List<List<PdfGlyph>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var runs = lines.Select(Runs).ToList();
        var items = new List<PdfPageItem>();
        var i = 0;
        while (i < lines.Count)
        {
            var j = i;
            while (j < lines.Count && IsTableLine(runs[j]))
            {
                j++;
            }

            if (j > i && TryTable(lines, runs, i, j) is { } table)
            {
                items.Add(table);
                i = j;
                continue;
            }

            var end = Math.Max(j, i + 1);
            for (var k = i; k < end; k++)
            {
                var text = PdfTextLine.Text(lines[k]).Trim();
                if (text.Length > 0)
                {
                    items.Add(new PdfTextItem(lines[k].Max(g => g.Top), lines[k].Min(g => g.Bottom), text, lines[k].Max(g => g.Size)));
                }
            }

            i = end;
        }

        return items;
    }

    private static bool IsTableLine(List<Run> runs) => runs.Count >= 3 || (runs.Count >= 2 && runs.Any(r => r.Numeric));

    private static PdfTableItem? TryTable(List<List<PdfGlyph>> lines, List<List<Run>> runs, int from, int to)
    {
        var numberLines = Enumerable.Range(from, to - from).Where(k => runs[k].Count(r => r.Numeric) >= 1 && runs[k].Count >= 2).ToList();
        if (numberLines.Count < MinNumberLines)
        {
            return null;
        }

        var bands = Bands(numberLines.SelectMany(k => runs[k]));
        if (bands.Count < MinColumns)
        {
            return null;
        }

        var edges = new List<double> { bands[0].Left };
        for (var b = 1; b < bands.Count; b++)
        {
            edges.Add((bands[b - 1].Right + bands[b].Left) / 2);
        }

        edges.Add(bands[^1].Right);
        var rows = new List<IReadOnlyList<TextCell>>();
        for (var k = from; k < to; k++)
        {
            var cells = new TextCell[bands.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = new TextCell(string.Empty, c, edges[c], edges[c + 1]);
            }

            foreach (var run in runs[k])
            {
                var c = BestBand(bands, run);
                var existing = cells[c];
                cells[c] = existing.Text.Length == 0
                    ? new TextCell(run.Text, c, run.Left, run.Right)
                    : new TextCell(existing.Text + " " + run.Text, c, Math.Min(existing.Left ?? run.Left, run.Left), Math.Max(existing.Right ?? run.Right, run.Right));
            }

            rows.Add(cells);
        }

        return new PdfTableItem(lines[from].Max(g => g.Top), lines[to - 1].Min(g => g.Bottom), edges, rows);
    }

    /// <summary>The union of overlapping x-intervals, left to right.</summary>
    private static List<(double Left, double Right)> Bands(IEnumerable<Run> runs)
    {
        var bands = new List<(double Left, double Right)>();
        foreach (var r in runs.OrderBy(r => r.Left))
        {
            if (bands.Count > 0 && r.Left <= bands[^1].Right)
            {
                bands[^1] = (bands[^1].Left, Math.Max(bands[^1].Right, r.Right));
            }
            else
            {
                bands.Add((r.Left, r.Right));
            }
        }

        return bands;
    }

    private static int BestBand(List<(double Left, double Right)> bands, Run run)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        var center = (run.Left + run.Right) / 2;
        for (var b = 0; b < bands.Count; b++)
        {
            var overlap = Math.Min(bands[b].Right, run.Right) - Math.Max(bands[b].Left, run.Left);
            var score = overlap > 0 ? overlap : -Math.Min(Math.Abs(center - bands[b].Left), Math.Abs(center - bands[b].Right));
            if (score > bestScore)
            {
                bestScore = score;
                best = b;
            }
        }

        return best;
    }

    /// <summary>A line's runs: glyphs split where the gap is wider than <see cref="CellGap"/> font sizes.</summary>
    private static List<Run> Runs(List<PdfGlyph> line)
    {
        var runs = new List<Run>();
        var start = -1;
        for (var k = 0; k <= line.Count; k++)
        {
            var split = k == line.Count || (k > 0 && line[k].Left - line[k - 1].Right > CellGap * Math.Min(line[k].Size, line[k - 1].Size));
            if (split && start >= 0)
            {
                var part = line.GetRange(start, k - start);
                var text = PdfTextLine.Text(part).Trim();
                if (text.Length > 0)
                {
                    var printed = part.Where(g => !g.IsSpace).ToList();
                    runs.Add(new Run(text, printed.Min(g => g.Left), printed.Max(g => g.Right), PdfTextLine.IsNumeric(text)));
                }

                start = -1;
            }

            if (k < line.Count && start < 0 && !line[k].IsSpace)
            {
                start = k;
            }
        }

        return runs;
    }
}
