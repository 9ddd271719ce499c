using System.Text;

namespace DisclosureExtract.Reference;

/// <summary>Comparison of printed 科目 names: full-width forms folded (brackets, digits), white space removed.</summary>
public static class Names
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = Text.TextNormalizer.Fold(name); // full-width brackets and digits to ASCII, in one pass
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    public static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}
