namespace DisclosureExtract.Export;

/// <summary>
/// Merges sequences that are each in order of a string key (ordinal) into one sequence in that order, reading one item
/// of each at a time: `merge` joins its shards' files (each written in document-id order) without holding their rows.
/// Items with the same key keep their sequences' order (the first sequence's first); a sequence that goes back in the
/// order is an error naming it.
/// </summary>
internal static class OrderedMerge
{
    /// <param name="sources">The sequences, each in ascending ordinal order of <paramref name="key"/>.</param>
    /// <param name="key">An item's key (a document id).</param>
    /// <param name="name">What to call source i in an error (a file's path).</param>
    public static IEnumerable<T> ByKey<T>(IReadOnlyList<IEnumerable<T>> sources, Func<T, string> key, Func<int, string> name)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(name);
        return Merged(sources, key, name);
    }

    private static IEnumerable<T> Merged<T>(IReadOnlyList<IEnumerable<T>> sources, Func<T, string> key, Func<int, string> name)
    {
        var enumerators = new List<IEnumerator<T>>(sources.Count);
        try
        {
            var queue = new PriorityQueue<int, (string Key, int Source)>(Comparer<(string Key, int Source)>.Create((a, b) =>
            {
                var c = string.CompareOrdinal(a.Key, b.Key);
                return c != 0 ? c : a.Source.CompareTo(b.Source);
            }));
            for (var s = 0; s < sources.Count; s++)
            {
                enumerators.Add(sources[s].GetEnumerator());
                if (enumerators[s].MoveNext())
                {
                    queue.Enqueue(s, (key(enumerators[s].Current), s));
                }
            }

            while (queue.TryDequeue(out var s, out var at))
            {
                yield return enumerators[s].Current;
                if (enumerators[s].MoveNext())
                {
                    var next = key(enumerators[s].Current);
                    if (string.CompareOrdinal(next, at.Key) < 0)
                    {
                        throw new InvalidDataException($"{name(s)}: its rows are not in document-id order (\"{next}\" after \"{at.Key}\")");
                    }

                    queue.Enqueue(s, (next, s));
                }
            }
        }
        finally
        {
            enumerators.ForEach(e => e.Dispose());
        }
    }
}
