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

    /// <summary>Groups glyphs into visual lines, top to bottom, each sorted left to right.</summary>
    public static List<List<PdfGlyph>> Lines(IEnumerable<PdfGlyph> glyphs)
    {
        var sorted = glyphs.OrderByDescending(g => g.CenterY).ThenBy(g => g.Left).ToList();
        var lines = new List<List<PdfGlyph>>();
        List<PdfGlyph>? current = null;
        var lineY = 0.0;
        var lineSize = 0.0;
        foreach (var g in sorted)
        {
            if (current is null || lineY - g.CenterY > 0.5 * Math.Min(lineSize, g.Size))
            {
                current = [];
                lines.Add(current);
                lineY = g.CenterY;
                lineSize = g.Size;
            }

            current.Add(g);
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
            DropOverprints(line);
        }

        return lines;
    }

    /// <summary>
    /// Fake bold draws each glyph twice, a fraction of a point apart: a glyph that repeats its left
    /// neighbour at almost the same place is dropped (a real repeat, as in 00, is a whole advance away).
    /// </summary>
    private static void DropOverprints(List<PdfGlyph> line)
    {
        var kept = 0;
        for (var i = 0; i < line.Count; i++)
        {
            if (kept > 0 && line[i].Value == line[kept - 1].Value && line[i].Left - line[kept - 1].Left < 0.2 * line[i].Size
                && Math.Abs(line[i].Baseline - line[kept - 1].Baseline) < 0.2 * line[i].Size)
            {
                continue;
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
        PdfGlyph? previous = null;
        var pendingSpace = false;
        foreach (var g in line)
        {
            if (g.IsSpace)
            {
                // a space glyph drawn over the glyph before it (an indent of spaces printed under the text) separates nothing
                pendingSpace |= previous is { } before && g.Left >= before.Right - (0.25 * before.Size);
                continue;
            }

            if (previous is { } p && (pendingSpace || g.Left - p.Right > SpaceGap * Math.Min(g.Size, p.Size)))
            {
                sb.Append(' ');
            }

            sb.Append(g.Value);
            previous = g;
            pendingSpace = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text of a cell whose content wraps over several visual lines: the lines are joined without a
    /// space (a wrapped Chinese name, a split number), except between two Latin letters.
    /// </summary>
    public static string WrappedText(IEnumerable<PdfGlyph> glyphs)
    {
        var sb = new StringBuilder();
        foreach (var line in Lines(glyphs))
        {
            var t = Text(line).Trim();
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
}
