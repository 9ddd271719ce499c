using System.Globalization;
using System.Text.RegularExpressions;

namespace DisclosureExtract.Text;

/// <summary>Parsing of printed amounts: "1234.50", "1,234.50", "90", "-3.2". The printed scale is kept.</summary>
public static partial class Amounts
{
    [GeneratedRegex(@"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    /// <summary>True when the token (already folded to ASCII) is a printed amount.</summary>
    public static bool IsAmount(string token) => AmountPattern().IsMatch(token);

    /// <summary>Parses a printed amount, dropping thousands separators; null when it is not one.</summary>
    public static decimal? Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token.Trim();
        if (!AmountPattern().IsMatch(t))
        {
            return null;
        }

        return decimal.Parse(t.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>The amount in yuan: amounts in 万元 are multiplied by 10000. Trailing zeros are dropped.</summary>
    public static decimal ToYuan(decimal amount, string unit) =>
        unit == "万元" ? amount * 10000m : amount;

    /// <summary>Invariant text without trailing fractional zeros (for amount_cny).</summary>
    public static string FormatPlain(decimal amount)
    {
        var s = amount.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.', StringComparison.Ordinal))
        {
            s = s.TrimEnd('0').TrimEnd('.');
        }

        return s;
    }
}
