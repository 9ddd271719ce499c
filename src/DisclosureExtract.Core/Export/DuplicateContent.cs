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

    /// <summary>The same rule one document at a time, for documents seen in document-id order. A hash is kept as its 32
    /// bytes rather than its 64-character text (~130 bytes less a document over a batch of any size).</summary>
    public sealed class Tracker
    {
        private readonly Dictionary<Sha256Bytes, string> _firstByHash = [];
        private readonly Dictionary<string, string> _firstByText = new(StringComparer.Ordinal);

        /// <summary>The id of an earlier document with the same content, or null (failed documents and those without
        /// a hash are never duplicates).</summary>
        public string? FirstWithSameContent(DocumentRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            if (row.sha256.Length == 0 || row.status == "failed")
            {
                return null;
            }

            return Sha256Bytes.TryParse(row.sha256, out var hash)
                ? FirstOrAdd(_firstByHash, hash, row.document_id)
                : FirstOrAdd(_firstByText, row.sha256, row.document_id); // not a hash as this tool writes it (an edited file)
        }

        public bool IsDuplicate(DocumentRow row) => FirstWithSameContent(row) is not null;

        private static string? FirstOrAdd<TKey>(Dictionary<TKey, string> firstByKey, TKey key, string id)
            where TKey : notnull
        {
            ref var first = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(firstByKey, key, out var exists);
            if (exists)
            {
                return first;
            }

            first = id;
            return null;
        }
    }

    /// <summary>A SHA-256 hash as its bytes; only the lowercase hex text this tool writes parses (so that one hash has one
    /// form, and any other text is compared as text).</summary>
    private readonly record struct Sha256Bytes(ulong A, ulong B, ulong C, ulong D)
    {
        private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

        public static bool TryParse(string text, out Sha256Bytes hash)
        {
            hash = default;
            if (text.Length != 64 || text.AsSpan().ContainsAnyExcept(LowerHex))
            {
                return false;
            }

            Span<byte> bytes = stackalloc byte[32];
            if (Convert.FromHexString(text, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes);
            hash = new Sha256Bytes(words[0], words[1], words[2], words[3]);
            return true;
        }
    }
}
