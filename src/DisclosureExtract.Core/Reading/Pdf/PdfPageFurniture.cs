using System.Text;
using System.Text.RegularExpressions;
using DisclosureExtract.Text;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Page numbers (- 16 -, 5, 第 3 页, 3/40, 第3页，共45页) and running headers and footers (the same line in the top or
/// bottom margin of many pages) are not part of the text: they are dropped before lines are numbered. A recurring line set
/// well above the body size is a title printed on each page and is kept.
/// </summary>
internal static partial class PdfPageFurniture
{
    /// <summary>Share of the page height at the top and bottom where page numbers sit.</summary>
    private const double NumberMargin = 0.15;

    /// <summary>Share of the page height at the top and bottom where running headers and footers sit.</summary>
    private const double RunningMargin = 0.10;

    /// <summary>A recurring margin line this many times the body text size is a title, not a running header.</summary>
    private const double TitleSize = 1.25;

    [GeneratedRegex(@"^[-—–_~ ]*(?:第 ?)?\d{1,4}(?: ?页)?(?: ?(?:[/／]|[,，、;； ] ?共) ?(?:共 ?)?\d{1,4} ?页?)?[-—–_~ ]*$")]
    private static partial Regex PageNumber();

    public static List<List<PdfPageItem>> Remove(IReadOnlyList<PdfPageContent> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var running = RunningLines(pages);
        var bodySize = BodySize(pages);
        var result = new List<List<PdfPageItem>>(pages.Count);
        foreach (var page in pages)
        {
            // furniture sits at the edges of the page: drop it from the top and from the bottom, up to the first
            // line that is not (a line between two kept lines is text, even when it recurs)
            bool IsFurniture(PdfPageItem item) => item is PdfTextItem t
                && ((InMargin(t, page.Height, NumberMargin) && IsPageNumber(t.Text))
                    || (InMargin(t, page.Height, RunningMargin) && running.Contains(Key(t.Text)) && !(t.Size > TitleSize * bodySize)));

            var items = page.Items;
            var first = 0;
            while (first < items.Count && IsFurniture(items[first]))
            {
                first++;
            }

            var last = items.Count - 1;
            while (last >= first && IsFurniture(items[last]))
            {
                last--;
            }

            result.Add(items.Skip(first).Take(last - first + 1).ToList());
        }

        return result;
    }

    /// <summary>
    /// The most common glyph size of the document (its body text), from sizes rounded to half points.
    /// A recurring margin line set larger than <see cref="TitleSize"/> times it is a title repeated on each
    /// page (a table printed one to a page), not a running header.
    /// </summary>
    private static double BodySize(IReadOnlyList<PdfPageContent> pages)
    {
        var counts = new Dictionary<int, int>();
        foreach (var page in pages)
        {
            foreach (var (key, count) in page.Glyphs.GlyphsBySize)
            {
                counts[key] = counts.GetValueOrDefault(key) + count;
            }
        }

        return counts.Count == 0 ? double.PositiveInfinity : PdfGlyphCensus.SizeOf(counts.MaxBy(kv => kv.Value).Key);
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(TextNormalizer.Fold(text));

    /// <summary>Margin lines (numbers ignored) that recur on at least three pages and half of all pages.</summary>
    private static HashSet<string> RunningLines(IReadOnlyList<PdfPageContent> pages)
    {
        var counts = new Dictionary<string, (int Pages, HashSet<string> Texts)>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in page.Items)
            {
                if (item is PdfTextItem t && InMargin(t, page.Height, RunningMargin) && seen.Add(Key(t.Text)))
                {
                    var key = Key(t.Text);
                    if (!counts.TryGetValue(key, out var c))
                    {
                        c = (0, new HashSet<string>(StringComparer.Ordinal));
                    }

                    c.Texts.Add(TextNormalizer.Fold(t.Text));
                    counts[key] = (c.Pages + 1, c.Texts);
                }
            }
        }

        // the same line everywhere, or one whose number changes from page to page (a page counter); a line whose
        // number stays over several pages and then changes (表03 over the pages of table 3) is the document's text
        var needed = Math.Max(3, (pages.Count + 1) / 2);
        return counts.Where(kv => kv.Value.Pages >= needed && (kv.Value.Texts.Count == 1 || kv.Value.Texts.Count >= 0.8 * kv.Value.Pages))
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static bool InMargin(PdfTextItem t, double height, double share) =>
        t.Bottom >= height * (1 - share) || t.Top <= height * share;

    private static string Key(string text)
    {
        var folded = TextNormalizer.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length == 0 || sb[^1] != '#')
            {
                sb.Append('#'); // a number of any length: 第9页 and 第10页 are the same line
            }
        }

        return sb.ToString();
    }
}
