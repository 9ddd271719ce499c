namespace DisclosureExtract.Validation;

/// <summary>
/// The rounding model. A printed number stands for any value that rounds to it: half a unit of its last printed digit
/// either way (1234.56 万元: ±0.005 万元; 94995790 元: ±0.5 元). An equation over printed numbers may therefore be off by
/// the sum of its terms' half units (converted to its unit) without any number being wrong: that is rounding.
/// </summary>
public static class Tolerance
{
    /// <summary>One unit of the last digit of a number printed with this many decimals (2 → 0.01).</summary>
    public static decimal UnitOf(int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return unit;
    }

    /// <summary>Half a unit of the last digit of a number printed with this many decimals (2 → 0.005).</summary>
    public static decimal HalfUnit(int decimals) => UnitOf(decimals) / 2m;

    /// <summary>The rounding a sum of printed terms can carry: the sum of their half units.</summary>
    public static decimal OfTerms(IEnumerable<decimal> printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var t = 0m;
        foreach (var p in printed)
        {
            t += HalfUnit(p.Scale);
        }

        return t;
    }

    /// <summary>True when <paramref name="expected"/> and <paramref name="actual"/> differ by no more than the rounding of the printed terms.</summary>
    public static bool WithinRounding(decimal expected, decimal actual, decimal tolerance) => Math.Abs(actual - expected) <= tolerance;
}
