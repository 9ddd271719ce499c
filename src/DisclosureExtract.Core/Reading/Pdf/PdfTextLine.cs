using System.Text;
using DisclosureExtract.Text;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Glyphs to text lines: glyphs are sorted once by baseline and x and grouped in one linear pass
/// (no pairwise word merging). Chinese has no spaces, so a space is written only where the gap
/// between two glyphs is wide for their size.
/// </summary>
internal static class PdfTextLine
{
    /// <summary>A gap wider than this share of the font size is a space.</summary>
    private const double SpaceGap = 0.3;

    /// <summary>
    /// Groups glyphs into visual lines, top to bottom, each sorted left to right. Glyphs come in the order the
    /// PDF draws them; two texts drawn over each other on one baseline (a heading and a title printed at the
    /// same height) are two lines, not one line of interleaved glyphs.
    /// </summary>
    public static List<List<PdfGlyph>> Lines(IEnumerable<PdfGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var list = glyphs as IReadOnlyList<PdfGlyph> ?? glyphs.ToList();
        var lines = LineIndices(list);
        var result = new List<List<PdfGlyph>>(lines.Count);
        foreach (var indices in lines)
        {
            var line = new List<PdfGlyph>(indices.Count);
            foreach (var i in indices)
            {
                line.Add(list[i]);
            }

            result.Add(line);
        }

        return result;
    }

    /// <summary>The lines of <see cref="Lines"/> as positions in <paramref name="list"/>.</summary>
    public static List<List<int>> LineIndices(IReadOnlyList<PdfGlyph> list)
    {
        ArgumentNullException.ThrowIfNull(list);

        // top to bottom, then left to right, then in drawing order (a total order: any sort gives the same lines)
        var keys = new LineOrder[list.Count];
        var left = new double[list.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var g = list[i];
            keys[i] = new LineOrder(g.CenterY, g.Left, i);
            left[i] = g.Left;
        }

        Array.Sort(keys);
        Comparison<int> byX = (a, b) =>
        {
            var x = left[a].CompareTo(left[b]);
            return x != 0 ? x : a.CompareTo(b);
        };

        var lines = new List<List<int>>();
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            var lineY = keys[start].CenterY;
            var lineSize = list[keys[start].Index].Size;
            while (end < keys.Length && lineY - keys[end].CenterY <= 0.5 * Math.Min(lineSize, list[keys[end].Index].Size))
            {
                end++;
            }

            var indices = new int[end - start];
            for (var k = 0; k < indices.Length; k++)
            {
                indices[k] = keys[start + k].Index;
            }

            Array.Sort(indices, byX);
            if (Overlaps(list, indices))
            {
                lines.AddRange(SplitOverlapping(list, indices));
            }
            else
            {
                lines.Add([.. indices]);
            }

            start = end;
        }

        foreach (var line in lines)
        {
            DropOverprints(list, line);
        }

        return lines;
    }

    /// <summary>True when <paramref name="b"/> is printed right where <paramref name="a"/> ends, on its baseline (one text run, no space).</summary>
    public static bool Continues(PdfGlyph a, PdfGlyph b) =>
        !a.IsSpace && !b.IsSpace && Math.Abs(b.Left - a.Right) <= 0.05 * a.Size && Math.Abs(b.Baseline - a.Baseline) <= 0.05 * a.Size
        && Math.Abs(b.Size - a.Size) <= 0.05 * a.Size;

    /// <summary>
    /// True when glyphs of the line (sorted by x) lie over different glyphs, more than once: two texts on one
    /// baseline. (Punctuation set tight, as in <c>”）</c> or <c>。主</c>, overlaps its neighbour by half its size.)
    /// </summary>
    private static bool Overlaps(IReadOnlyList<PdfGlyph> list, int[] line)
    {
        var count = 0;
        for (var k = 1; k < line.Length; k++)
        {
            var a = list[line[k - 1]];
            var b = list[line[k]];
            if (!a.IsSpace && !b.IsSpace && b.Left < a.Right - (0.75 * Math.Min(a.Size, b.Size)) && b.Value != a.Value && ++count >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A line whose glyphs overlap: the runs the PDF draws in one go (in drawing order) are dealt to as few
    /// lines as keep each free of overlaps, leftmost run first.
    /// </summary>
    private static List<List<int>> SplitOverlapping(IReadOnlyList<PdfGlyph> list, int[] line)
    {
        var byDrawing = (int[])line.Clone();
        Array.Sort(byDrawing);
        var runs = new List<List<int>>();
        foreach (var i in byDrawing)
        {
            if (runs.Count > 0 && runs[^1][^1] == i - 1 && Continues(list[i - 1], list[i]))
            {
                runs[^1].Add(i);
            }
            else
            {
                runs.Add([i]);
            }
        }

        runs.Sort((a, b) => list[a[0]].Left.CompareTo(list[b[0]].Left));
        var split = new List<List<int>>();
        var ends = new List<double>();
        foreach (var run in runs)
        {
            var first = list[run[0]];
            var k = 0;
            while (k < split.Count && ends[k] > first.Left + (0.25 * first.Size))
            {
                k++;
            }

            if (k == split.Count)
            {
                split.Add([]);
                ends.Add(double.NegativeInfinity);
            }

            split[k].AddRange(run);
            ends[k] = Math.Max(ends[k], list[run[^1]].Right);
        }

        foreach (var l in split)
        {
            l.Sort((a, b) => list[a].Left.CompareTo(list[b].Left));
        }

        return split;
    }

    /// <summary>
    /// Fake bold draws each glyph twice, a fraction of a point apart: a glyph that repeats its left
    /// neighbour at almost the same place is dropped (a real repeat, as in 00, is a whole advance away).
    /// </summary>
    private static void DropOverprints(IReadOnlyList<PdfGlyph> list, List<int> line)
    {
        var kept = 0;
        for (var i = 0; i < line.Count; i++)
        {
            var g = list[line[i]];
            if (kept > 0)
            {
                var before = list[line[kept - 1]];
                if (g.Value == before.Value && g.Left - before.Left < 0.2 * g.Size && Math.Abs(g.Baseline - before.Baseline) < 0.2 * g.Size)
                {
                    continue;
                }
            }

            line[kept++] = line[i];
        }

        line.RemoveRange(kept, line.Count - kept);
    }

    /// <summary>The text of one visual line (glyphs sorted by x), with a space at every wide gap.</summary>
    public static string Text(IReadOnlyList<PdfGlyph> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder(line.Count + 8);
        AppendText(sb, line, null);
        return sb.ToString();
    }

    /// <summary>
    /// The text of a cell whose content wraps over several visual lines: the lines are joined without a
    /// space (a wrapped Chinese name, a split number), except between two Latin letters.
    /// </summary>
    public static string WrappedText(IEnumerable<PdfGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var list = glyphs as IReadOnlyList<PdfGlyph> ?? glyphs.ToList();
        var sb = new StringBuilder();
        var line = new StringBuilder();
        foreach (var indices in LineIndices(list))
        {
            line.Clear();
            AppendText(line, list, indices);
            var t = line.ToString().Trim();
            if (t.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && char.IsAsciiLetter(sb[^1]) && char.IsAsciiLetter(t[0]))
            {
                sb.Append(' ');
            }

            sb.Append(t);
        }

        return sb.ToString();
    }

    /// <summary>Appends the text of a line: the glyphs at <paramref name="line"/> in <paramref name="glyphs"/>, or all of them when null.</summary>
    private static void AppendText(StringBuilder sb, IReadOnlyList<PdfGlyph> glyphs, List<int>? line)
    {
        PdfGlyph? previous = null;
        var pendingSpace = false;
        var spaceEnd = double.NegativeInfinity;
        var count = line?.Count ?? glyphs.Count;
        for (var k = 0; k < count; k++)
        {
            var g = glyphs[line is null ? k : line[k]];
            if (g.IsSpace)
            {
                // a space glyph drawn over a printed glyph (an indent of spaces printed under the text, a tab at the
                // place of the next glyph) separates nothing
                if (previous is { } before && g.Left >= before.Right - (0.25 * before.Size))
                {
                    pendingSpace = true;
                    spaceEnd = Math.Max(spaceEnd, g.Right);
                }

                continue;
            }

            if (pendingSpace && g.Left < spaceEnd - (0.25 * g.Size))
            {
                pendingSpace = false;
            }

            if (previous is { } p && (pendingSpace || g.Left - p.Right > SpaceGap * Math.Min(g.Size, p.Size)))
            {
                sb.Append(' ');
            }

            sb.Append(g.Value);
            previous = g;
            pendingSpace = false;
            spaceEnd = double.NegativeInfinity;
        }
    }

    /// <summary>True for a run that is a number or a code: digits with separators, as amounts and codes print.</summary>
    public static bool IsNumeric(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = TextNormalizer.Fold(text);
        var digits = 0;
        foreach (var c in t)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (',' or '.' or '-' or ' '))
            {
                return false;
            }
        }

        return digits > 0;
    }

    /// <summary>A glyph's place in reading order: higher on the page first, then further left, then drawn earlier.</summary>
    private readonly record struct LineOrder(double CenterY, double Left, int Index) : IComparable<LineOrder>
    {
        public int CompareTo(LineOrder other)
        {
            var y = other.CenterY.CompareTo(CenterY);
            if (y != 0)
            {
                return y;
            }

            var x = Left.CompareTo(other.Left);
            return x != 0 ? x : Index.CompareTo(other.Index);
        }
    }
}
