using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Ruling lines from the page's drawn paths: stroked lines and rectangle edges, and thin filled
/// rectangles (how WPS and Word draw cell borders). Curves, clipping paths and shading are ignored.
/// </summary>
internal static class PdfRulings
{
    /// <summary>A filled rectangle thinner than this (points) is a line.</summary>
    private const double Thin = 3.0;

    /// <summary>Shorter segments (points) are glyph parts or ticks, not table rules.</summary>
    private const double MinLength = 4.0;

    /// <summary>The ruling lines of the page; <paramref name="fills"/> gets the filled rectangles thicker than a rule (bars, shading).</summary>
    public static List<PdfRule> Extract(Page page, PdfPageFrame frame, List<PdfRectangle>? fills = null)
    {
        var rules = new List<PdfRule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            foreach (var sub in path)
            {
                var box = sub.GetBoundingRectangle();
                if (box is not { } raw)
                {
                    continue;
                }

                var b = frame.ToWritten(raw);

                if (b.Width <= Thin && b.Height >= MinLength)
                {
                    rules.Add(new PdfRule(false, (b.Left + b.Right) / 2, b.Bottom, b.Top));
                }
                else if (b.Height <= Thin && b.Width >= MinLength)
                {
                    rules.Add(new PdfRule(true, (b.Bottom + b.Top) / 2, b.Left, b.Right));
                }
                else
                {
                    if (path.IsFilled)
                    {
                        fills?.Add(b);
                    }

                    if (path.IsStroked)
                    {
                        AddEdges(sub, frame, rules);
                    }
                }
            }
        }

        return rules;
    }

    /// <summary>The axis-aligned straight edges of a stroked outline (a cell drawn as a rectangle).</summary>
    private static void AddEdges(PdfSubpath sub, PdfPageFrame frame, List<PdfRule> rules)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var cmd in sub.Commands)
        {
            switch (cmd)
            {
                case PdfSubpath.Move m:
                    start = frame.ToWritten(m.Location);
                    current = start;
                    break;
                case PdfSubpath.Line l:
                    AddSegment(frame.ToWritten(l.From), frame.ToWritten(l.To), rules);
                    current = frame.ToWritten(l.To);
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    AddSegment(c, s, rules);
                    current = s;
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddSegment(PdfPoint a, PdfPoint b, List<PdfRule> rules)
    {
        if (Math.Abs(a.Y - b.Y) <= 0.5 && Math.Abs(a.X - b.X) >= MinLength)
        {
            rules.Add(new PdfRule(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        }
        else if (Math.Abs(a.X - b.X) <= 0.5 && Math.Abs(a.Y - b.Y) >= MinLength)
        {
            rules.Add(new PdfRule(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
        }
    }
}
