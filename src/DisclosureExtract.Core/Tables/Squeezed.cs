namespace DisclosureExtract.Tables;

/// <summary>
/// Text without white space, as <see cref="Text.TextNormalizer.RemoveWhiteSpace"/> gives it, for the per-row and
/// per-cell calls of table reading: the same string when it has no white space, otherwise one exact-length string.
/// </summary>
internal static class Squeezed
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = 0;
        foreach (var c in text)
        {
            if (!IsDropped(c))
            {
                kept++;
            }
        }

        if (kept == text.Length)
        {
            return text;
        }

        return string.Create(kept, text, static (span, source) =>
        {
            var k = 0;
            foreach (var c in source)
            {
                if (!IsDropped(c))
                {
                    span[k++] = c;
                }
            }
        });
    }

    /// <summary>The characters <see cref="Text.TextNormalizer.RemoveWhiteSpace"/> removes.</summary>
    public static bool IsDropped(char c) => char.IsWhiteSpace(c) || c == '\u3000';
}
