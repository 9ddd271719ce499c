namespace DisclosureExtract.Export;

/// <summary>
/// Two inputs with the same bytes (a page scraped twice under two names) would count every amount
/// twice. The first document id in ordinal order keeps its rows; the others are marked partial with
/// the reason, and their line items and findings are not repeated.
/// </summary>
public static class DuplicateContent
{
    /// <summary>The rows (same order) with duplicates marked, one at a time as they are enumerated (a batch of any size
    /// is marked in the memory of its distinct hashes); the ids of duplicates, whose rows in the long files are dropped,
    /// are added to <paramref name="duplicates"/> as their rows pass.</summary>
    public static IEnumerable<DocumentRow> MarkEach(IEnumerable<DocumentRow> rowsSortedById, ISet<string> duplicates)
    {
        ArgumentNullException.ThrowIfNull(rowsSortedById);
        ArgumentNullException.ThrowIfNull(duplicates);
        return Marked(rowsSortedById, duplicates);
    }

    private static IEnumerable<DocumentRow> Marked(IEnumerable<DocumentRow> rowsSortedById, ISet<string> duplicates)
    {
        var tracker = new Tracker();
        foreach (var row in rowsSortedById)
        {
            if (tracker.FirstWithSameContent(row) is { } first)
            {
                duplicates.Add(row.document_id);
                yield return row with
                {
                    status = "partial",
                    error = $"duplicate of {first}: the same content (SHA-256); its line items and findings are not repeated",
                };
            }
            else
            {
                yield return row;
            }
        }
    }

    /// <summary>The same rule one document at a time, for documents seen in document-id order.</summary>
    public sealed class Tracker
    {
        private readonly Dictionary<string, string> _firstBySha = new(StringComparer.Ordinal);

        /// <summary>The id of an earlier document with the same content, or null (failed documents and those without
        /// a hash are never duplicates).</summary>
        public string? FirstWithSameContent(DocumentRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            if (row.sha256.Length == 0 || row.status == "failed")
            {
                return null;
            }

            if (_firstBySha.TryGetValue(row.sha256, out var first))
            {
                return first;
            }

            _firstBySha[row.sha256] = row.document_id;
            return null;
        }

        public bool IsDuplicate(DocumentRow row) => FirstWithSameContent(row) is not null;
    }
}
