using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// The turn that brings a page's text to reading orientation. PdfPig gives positions as the page is
/// displayed (after its /Rotate). Most pages are displayed as they are read; but a page may be displayed
/// so that its text runs top to bottom (a landscape table written on a portrait page, then turned by
/// /Rotate), while another page turned by /Rotate draws its text rotated the other way so that it reads
/// left to right once displayed. Neither /Rotate nor the page's shape says which: the direction in which
/// most glyphs advance does. The frame turns every position (glyphs and rules alike) so that this
/// direction runs left to right.
/// </summary>
internal readonly record struct PdfPageFrame(int Rotation, double Width, double Height)
{
    public static PdfPageFrame Of(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PdfPageFrame(ReadingTurn(page.Letters), page.Width, page.Height);
    }

    /// <summary>
    /// The clockwise turn (0, 90, 180 or 270) of the displayed page that makes most glyphs advance to the
    /// right: 90 when they run downwards, 180 when right to left, 270 when upwards; 0 without glyphs or on a tie.
    /// </summary>
    public static int ReadingTurn(IReadOnlyList<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        int right = 0, down = 0, left = 0, up = 0;
        foreach (var l in letters)
        {
            var dx = l.EndBaseLine.X - l.StartBaseLine.X;
            var dy = l.EndBaseLine.Y - l.StartBaseLine.Y;
            if (Math.Abs(dx) >= Math.Abs(dy))
            {
                if (dx > 0)
                {
                    right++;
                }
                else if (dx < 0)
                {
                    left++;
                }
            }
            else if (dy < 0)
            {
                down++;
            }
            else
            {
                up++;
            }
        }

        var best = Math.Max(Math.Max(right, down), Math.Max(left, up));
        return best == right ? 0 : best == down ? 90 : best == up ? 270 : 180;
    }

    /// <summary>Height of the page in reading orientation.</summary>
    public double WrittenHeight => Rotation is 90 or 270 ? Width : Height;

    public PdfPoint ToWritten(PdfPoint p) => Rotation switch
    {
        90 => new PdfPoint(Height - p.Y, p.X),
        180 => new PdfPoint(Width - p.X, Height - p.Y),
        270 => new PdfPoint(p.Y, Width - p.X),
        _ => p,
    };

    public PdfRectangle ToWritten(PdfRectangle r)
    {
        if (Rotation == 0)
        {
            return r;
        }

        var a = ToWritten(r.BottomLeft);
        var b = ToWritten(r.TopRight);
        return new PdfRectangle(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
    }
}
