using System.Buffers;
using System.Globalization;
using System.Text;

namespace DisclosureExtract.Text;

/// <summary>Folding used for parsing only; printed names are never replaced by these forms.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Full-width ASCII forms (Ｕ+FF01–FF5E: digits, letters, （）：，． …) folded to ASCII, the ideographic
    /// and no-break spaces to a space, and white space collapsed to single spaces — the part of NFKC that
    /// matters for parsing, in one pass (ICU's NFKC costs more than the whole rest of reading).
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || IsFolded(text))
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var k = 0;
            var changed = false;
            var pendingSpace = false;
            foreach (var ch in text)
            {
                if (ch is (> ' ' and < '\u007F') or (> '\u3000' and < '\uFF01'))
                {
                    // printable ASCII, ideographs and most other text: kept as they are (no white-space look-up)
                    if (pendingSpace)
                    {
                        buffer[k++] = ' ';
                        pendingSpace = false;
                    }

                    buffer[k++] = ch;
                    continue;
                }

                var c = ch switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
                    '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
                    _ => ch,
                };
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = k > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[k++] = ' ';
                    pendingSpace = false;
                }

                changed |= c != ch;
                buffer[k++] = c;
            }

            // most lines need no folding: the same string then (a space is kept only as a single ' ' between characters)
            return !changed && k == text.Length && SpacesAreAsPrinted(text) ? text : new string(buffer, 0, k);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Every character <see cref="Fold"/> may change or drop: white space other than ' ' (the no-break and ideographic
    /// spaces among them) and the full-width ASCII forms.
    /// </summary>
    private static readonly SearchValues<char> Foldable = SearchValues.Create(FoldableChars());

    private static string FoldableChars()
    {
        var sb = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if ((char.IsWhiteSpace(ch) && ch != ' ') || ch is >= '\uFF01' and <= '\uFF5E')
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// True when <see cref="Fold"/> returns the text as it is: no character to fold, and its spaces single ones
    /// between other characters (none at either end, no run).
    /// </summary>
    /// <remarks>One pass that looks up only the characters outside the two ranges <see cref="Fold"/> keeps as they are
    /// (printable ASCII; ideographs and most other text): lines are short, and the vectorized search of the whole
    /// <see cref="Foldable"/> set cost more than the line (2% of a text batch in the Native AOT binary, whose baseline
    /// instruction set leaves its shuffles to software).</remarks>
    internal static bool IsFolded(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var afterSpace = false;
        foreach (var c in text)
        {
            if (c is (> ' ' and < '\u007F') or (> '\u3000' and < '\uFF01'))
            {
                afterSpace = false;
            }
            else if (c == ' ')
            {
                if (afterSpace)
                {
                    return false;
                }

                afterSpace = true;
            }
            else if (Foldable.Contains(c))
            {
                return false;
            }
            else
            {
                afterSpace = false;
            }
        }

        return true;
    }

    /// <summary>True when every white-space character of the text is a plain ' ' (k == length already rules out runs and ends).</summary>
    private static bool SpacesAreAsPrinted(string text)
    {
        foreach (var c in text)
        {
            if (c != ' ' && char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text without the characters <paramref name="drop"/> selects; the same string when none is dropped.</summary>
    public static string Without(string text, Func<char, bool> drop)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(drop);
        var kept = 0;
        foreach (var c in text)
        {
            if (!drop(c))
            {
                kept++;
            }
        }

        if (kept == text.Length)
        {
            return text;
        }

        return string.Create(kept, (text, drop), static (span, state) =>
        {
            var k = 0;
            foreach (var c in state.text)
            {
                if (!state.drop(c))
                {
                    span[k++] = c;
                }
            }
        });
    }

    /// <summary>Removes every white-space character (how item names are output): the same string when it has none.</summary>
    /// <summary>Text as labels are compared: folded (NFKC), without white space and without quotation marks (“三公”经费 = 三公经费).</summary>
    public static string Squeeze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = RemoveWhiteSpace(Fold(text));
        return t.AsSpan().IndexOfAny("\"“”‘’'「」") < 0 ? t : string.Concat(t.Where(c => c is not ('"' or '“' or '”' or '‘' or '’' or '\'' or '「' or '」')));
    }

    public static string RemoveWhiteSpace(string text) => Without(text, IsRemovedWhiteSpace);

    /// <summary>The characters <see cref="RemoveWhiteSpace"/> removes.</summary>
    public static bool IsRemovedWhiteSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    /// <summary>Runs of white space (and ideographic spaces) as one space; none at the start or the end.</summary>
    public static string CollapseWhiteSpace(string text) => CollapseRuns(text, IsRemovedWhiteSpace);

    /// <summary>Runs of the characters <paramref name="isSpace"/> selects as one space; none at the start or the end.</summary>
    public static string CollapseRuns(string text, Func<char, bool> isSpace)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isSpace);
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (isSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>True for a CJK unified ideograph (the basic block and extension A).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static bool ContainsCjk(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Formats a decimal invariantly, keeping the printed scale.</summary>
    public static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
