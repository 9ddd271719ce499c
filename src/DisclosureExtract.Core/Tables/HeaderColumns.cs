using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>Reads from a table's header which of its kind's columns are present.</summary>
internal static class HeaderColumns
{
    /// <summary>
    /// Flattened text shreds header cells into pieces of 1-4 characters, in no useful order. Joined without white
    /// space the labels are still there; they are matched longest first and consumed, so 上级一般公共预算安排的转移支付
    /// does not also count as 一般公共预算. The result is in the kind's printed order.
    /// </summary>
    public static List<string> FromText(TableKind kind, IEnumerable<string> headerTexts)
    {
        var h = Text.TextNormalizer.RemoveWhiteSpace(Text.TextNormalizer.Fold(string.Concat(headerTexts)));
        var found = new HashSet<string>(StringComparer.Ordinal);
        var labels = kind.LabelsLongestFirst;
        for (var i = 0; i < labels.Count; i++)
        {
            var (label, key) = labels[i];
            var at = h.IndexOf(label, StringComparison.Ordinal);
            while (at >= 0)
            {
                found.Add(key);
                h = string.Concat(h.AsSpan(0, at), new string('□', label.Length), h.AsSpan(at + label.Length));
                at = h.IndexOf(label, StringComparison.Ordinal);
            }
        }

        return kind.Columns.Where(c => found.Contains(c.Key)).Select(c => c.Key).ToList();
    }

    /// <summary>The quotes a header cell is trimmed of (one array, not one per call).</summary>
    private static readonly char[] Quotes = ['"', '“', '”'];

    /// <summary>The column a header cell names, or null (group headers such as 财政拨款（补助） or 支出预算 name none).</summary>
    public static string? MatchCell(TableKind kind, string cellText)
    {
        var t = Text.TextNormalizer.RemoveWhiteSpace(Text.TextNormalizer.Fold(cellText)).Trim(Quotes);
        if (t.Length == 0)
        {
            return null;
        }

        string? best = null;
        var bestLen = 0;
        foreach (var (l, key) in kind.LabelsLongestFirst)
        {
            if (l.Length <= bestLen)
            {
                break; // longest first: nothing later can be longer
            }

            var exact = t == l;
            var covers = t.Contains(l, StringComparison.Ordinal) && l.Length >= t.Length - 2;
            if (exact || covers)
            {
                best = key;
                bestLen = l.Length;
            }
        }

        return best;
    }

    /// <summary>Texts of the header lines of a flattened table.</summary>
    public static IEnumerable<string> Texts(SourceDocument doc, IEnumerable<int> lines) => lines.Select(i => doc.Lines[i].Norm);
}
