namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// One printed glyph in page coordinates (PDF points, y grows upwards). Left/Right are the advance
/// (where the next glyph would start), Bottom/Top a box of the font size around the baseline, so that
/// a flat glyph such as 一 is as tall as its neighbours.
/// </summary>
internal readonly record struct PdfGlyph(string Value, double Left, double Right, double Baseline, double Size)
{
    public bool IsSpace => Value == " ";

    public double Bottom => Baseline - (0.15 * Size);

    public double Top => Baseline + (0.85 * Size);

    public double CenterX => (Left + Right) / 2;

    public double CenterY => Baseline + (0.35 * Size);
}

/// <summary>An axis-aligned ruling line drawn on the page: horizontal (At = y, From..To = x) or vertical (At = x, From..To = y).</summary>
internal readonly record struct PdfRule(bool Horizontal, double At, double From, double To)
{
    public bool Covers(double position, double tolerance) => position >= From - tolerance && position <= To + tolerance;
}
