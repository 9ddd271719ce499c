using System.Buffers;
using System.Text;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Parses a printed 指标值: "=14.54 万人", "≥95%", ">=1 套", "$\geq 95\%$" (LaTeX), "有效提升".
/// ≥/≤ and LaTeX \geq/\leq are written as &gt;=/&lt;=; the number keeps its printed scale.
/// </summary>
public static class IndicatorValue
{
    public static (string? Operator, decimal? Value, string? Unit, string? Qualitative) Parse(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var folded = Fold(printed);
        if (!TryNumeric(folded, out var op, out var numStart, out var numEnd))
        {
            return (null, null, null, printed.Length > 0 ? printed : null);
        }

        var num = SentenceReader.ParseNumber(folded.AsSpan(numStart, numEnd - numStart));
        var unit = folded.AsSpan(numEnd);
        if (HasDigit(unit))
        {
            // a compound target (=65%和75%区间): operator and first number kept, the whole text as the target
            return (op, num, null, printed);
        }

        return (op, num, unit.Length > 0 ? unit.ToString() : null, null);
    }

    /// <summary>
    /// An operator (&gt;= &lt;= = &gt; &lt;) at the start, then digits with an optional decimal part: the number's extent
    /// [<paramref name="numStart"/>, <paramref name="numEnd"/>); the unit is the rest (folded text holds no line end).
    /// </summary>
    private static bool TryNumeric(string folded, out string? op, out int numStart, out int numEnd)
    {
        op = null;
        numStart = numEnd = 0;
        if (folded.Length == 0)
        {
            return false;
        }

        var two = folded.Length > 1 && folded[1] == '=' && folded[0] is '>' or '<';
        op = two ? (folded[0] == '>' ? ">=" : "<=") : folded[0] switch { '=' => "=", '>' => ">", '<' => "<", _ => null };
        if (op is null)
        {
            return false;
        }

        numStart = op.Length;
        var i = numStart;
        while (i < folded.Length && char.IsDigit(folded[i]))
        {
            i++;
        }

        if (i == numStart)
        {
            op = null;
            return false; // (">=" then no digit: ">" then "=" is no number either)
        }

        if (i + 1 < folded.Length && folded[i] == '.' && char.IsDigit(folded[i + 1]))
        {
            i += 2;
            while (i < folded.Length && char.IsDigit(folded[i]))
            {
                i++;
            }
        }

        numEnd = i;
        return true;
    }

    private static bool HasDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text starts with a comparison operator (printed, folded or LaTeX).</summary>
    public static bool StartsWithOperator(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var f = Fold(printed);
        return f.Length > 0 && f[0] is '=' or '>' or '<';
    }

    /// <summary>
    /// Every character <see cref="Fold"/> may change or drop: white space, those <see cref="JoinedText.Fold"/> changes,
    /// and the marks of LaTeX and of ≥ ≤. Text without any of them is its own fold.
    /// </summary>
    private static readonly SearchValues<char> Foldable = SearchValues.Create(FoldableChars());

    private static string FoldableChars()
    {
        var sb = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (char.IsWhiteSpace(ch) || ch == '\u3000' || JoinedText.Fold(ch) != ch || "\\$≥≤⩾⩽＞＜".Contains(ch, StringComparison.Ordinal))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>NFKC per character, white space removed, ≥ ≤ and LaTeX to ASCII operators, $ and \ of \% dropped.</summary>
    public static string Fold(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        if (printed.AsSpan().IndexOfAny(Foldable) < 0)
        {
            return printed;
        }

        var s = printed
            .Replace(@"\geq", ">=", StringComparison.Ordinal).Replace(@"\leq", "<=", StringComparison.Ordinal)
            .Replace(@"\ge", ">=", StringComparison.Ordinal).Replace(@"\le", "<=", StringComparison.Ordinal)
            .Replace(@"\gt", ">", StringComparison.Ordinal).Replace(@"\lt", "<", StringComparison.Ordinal)
            .Replace(@"\%", "%", StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal)
            .Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal)
            .Replace("⩾", ">=", StringComparison.Ordinal).Replace("⩽", "<=", StringComparison.Ordinal);
        var kept = 0;
        foreach (var c in s)
        {
            kept += char.IsWhiteSpace(c) || c == '\u3000' ? 0 : 1;
        }

        var folded = string.Create(kept, s, static (span, src) =>
        {
            var k = 0;
            foreach (var c in src)
            {
                if (!char.IsWhiteSpace(c) && c != '\u3000')
                {
                    span[k++] = JoinedText.Fold(c);
                }
            }
        });
        return folded.Replace("＞", ">", StringComparison.Ordinal).Replace("＜", "<", StringComparison.Ordinal);
    }
}
