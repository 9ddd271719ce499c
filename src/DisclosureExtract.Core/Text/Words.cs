namespace DisclosureExtract.Text;

/// <summary>
/// Whether a text holds all, any or none of a list of words: the tests of the catalog's title, row and column rules,
/// which run for every line and label of every document. Plain indexed loops: the LINQ form allocated a delegate,
/// its closure and a boxed enumerator a call (a fifth of a text document's allocations with its neighbours).
/// </summary>
public static class Words
{
    /// <summary>True when <paramref name="text"/> contains every word (true for no words).</summary>
    public static bool ContainsAll(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            if (!text.Contains(words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> contains at least one of the words (false for no words).</summary>
    public static bool ContainsAny(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            if (text.Contains(words[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> starts with one of the words (false for no words).</summary>
    public static bool StartsWithAny(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            if (text.StartsWith(words[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of <paramref name="texts"/> contains one of the words.</summary>
    public static bool AnyContainsAny(IReadOnlyList<string> texts, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            if (ContainsAny(texts[i], words))
            {
                return true;
            }
        }

        return false;
    }
}
