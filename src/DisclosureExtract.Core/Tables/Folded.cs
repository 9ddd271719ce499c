using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// <see cref="TextNormalizer.Fold"/> for the per-token and per-cell calls of table reading: text that has no
/// full-width form and no white space is returned as it is without calling it (Fold returns the same string then).
/// </summary>
internal static class Folded
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' || char.IsWhiteSpace(c))
            {
                return TextNormalizer.Fold(text);
            }
        }

        return text;
    }
}
