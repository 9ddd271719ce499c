using System.Text;
using System.Text.RegularExpressions;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Parses a printed 指标值: "=14.54 万人", "≥95%", ">=1 套", "$\geq 95\%$" (LaTeX), "有效提升".
/// ≥/≤ and LaTeX \geq/\leq are written as &gt;=/&lt;=; the number keeps its printed scale.
/// </summary>
public static partial class IndicatorValue
{
    [GeneratedRegex(@"^(?<op>>=|<=|=|>|<)(?<num>\d+(?:\.\d+)?)(?<unit>.*)$")]
    private static partial Regex Numeric();

    public static (string? Operator, decimal? Value, string? Unit, string? Qualitative) Parse(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var folded = Fold(printed);
        var m = Numeric().Match(folded);
        if (!m.Success)
        {
            return (null, null, null, printed.Length > 0 ? printed : null);
        }

        var unit = m.Groups["unit"].Value;
        if (unit.Any(char.IsDigit))
        {
            // a compound target (=65%和75%区间): operator and first number kept, the whole text as the target
            return (m.Groups["op"].Value, SentenceReader.ParseNumber(m.Groups["num"].Value), null, printed);
        }

        return (m.Groups["op"].Value, SentenceReader.ParseNumber(m.Groups["num"].Value), unit.Length > 0 ? unit : null, null);
    }

    /// <summary>True when the text starts with a comparison operator (printed, folded or LaTeX).</summary>
    public static bool StartsWithOperator(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var f = Fold(printed);
        return f.Length > 0 && f[0] is '=' or '>' or '<';
    }

    /// <summary>NFKC per character, white space removed, ≥ ≤ and LaTeX to ASCII operators, $ and \ of \% dropped.</summary>
    public static string Fold(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var s = printed
            .Replace(@"\geq", ">=", StringComparison.Ordinal).Replace(@"\leq", "<=", StringComparison.Ordinal)
            .Replace(@"\ge", ">=", StringComparison.Ordinal).Replace(@"\le", "<=", StringComparison.Ordinal)
            .Replace(@"\gt", ">", StringComparison.Ordinal).Replace(@"\lt", "<", StringComparison.Ordinal)
            .Replace(@"\%", "%", StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal)
            .Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal)
            .Replace("⩾", ">=", StringComparison.Ordinal).Replace("⩽", "<=", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\u3000')
            {
                sb.Append(JoinedText.Fold(c));
            }
        }

        return sb.ToString().Replace("＞", ">", StringComparison.Ordinal).Replace("＜", "<", StringComparison.Ordinal);
    }
}
