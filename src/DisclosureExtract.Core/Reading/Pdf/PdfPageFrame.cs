using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// PdfPig gives positions as the page is displayed, after its /Rotate. A landscape table printed on a
/// page turned by 90° then reads top to bottom; this frame turns positions back to the page as written,
/// where text runs left to right.
/// </summary>
internal readonly record struct PdfPageFrame(int Rotation, double Width, double Height)
{
    public static PdfPageFrame Of(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rotation = ((page.Rotation.Value % 360) + 360) % 360;
        return new PdfPageFrame(rotation, page.Width, page.Height);
    }

    /// <summary>Height of the page as written (before /Rotate).</summary>
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
