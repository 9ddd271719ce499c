namespace DisclosureExtract.Tables;

/// <summary>
/// Hand-written matchers for the token patterns tested once per token (amounts, code digits), each the exact
/// language of its regular expression in <see cref="LineSyntax"/>: <c>\d</c> is any Unicode decimal digit, as in
/// .NET patterns, and <c>$</c> also matches before a final line feed. Equivalence with the patterns is tested.
/// </summary>
internal static class TokenShapes
{
    /// <summary><c>^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$</c>: an amount, optionally negative, with thousands separators or none.</summary>
    public static bool IsAmount(ReadOnlySpan<char> s)
    {
        s = BeforeFinalLineFeed(s);
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var start = i;
        while (i < s.Length && char.IsDigit(s[i]))
        {
            i++;
        }

        var lead = i - start;
        if (lead == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] == ',')
        {
            if (lead > 3)
            {
                return false;
            }

            // groups of exactly three digits after each separator
            while (i < s.Length && s[i] == ',')
            {
                i++;
                for (var k = 0; k < 3; k++, i++)
                {
                    if (i >= s.Length || !char.IsDigit(s[i]))
                    {
                        return false;
                    }
                }

                if (i < s.Length && char.IsDigit(s[i]))
                {
                    return false;
                }
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = i;
            while (i < s.Length && char.IsDigit(s[i]))
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary><c>^\d{n}$</c> for each of the lengths given (<c>^\d{3}$</c>, <c>^(?:\d{5}|\d{7})$</c>).</summary>
    public static bool IsDigits(ReadOnlySpan<char> s, int length) => IsAllDigits(BeforeFinalLineFeed(s), length);

    /// <summary>As <see cref="IsDigits(ReadOnlySpan{char}, int)"/> for either of two lengths.</summary>
    public static bool IsDigits(ReadOnlySpan<char> s, int length, int orLength)
    {
        var t = BeforeFinalLineFeed(s);
        return IsAllDigits(t, length) || IsAllDigits(t, orLength);
    }

    /// <summary><c>^\d{3}[^\d.,]</c>: a 3-digit code glued to what follows (not to more digits or a decimal point).</summary>
    public static bool IsGluedCode(ReadOnlySpan<char> s) =>
        s.Length >= 4 && char.IsDigit(s[0]) && char.IsDigit(s[1]) && char.IsDigit(s[2]) && !char.IsDigit(s[3]) && s[3] is not '.' and not ',';

    /// <summary>Only ASCII digits (true for the empty text, as <c>All(char.IsAsciiDigit)</c>).</summary>
    public static bool IsAsciiDigits(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s, int length)
    {
        if (s.Length != length)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> BeforeFinalLineFeed(ReadOnlySpan<char> s) => s.Length > 0 && s[^1] == '\n' ? s[..^1] : s;
}
