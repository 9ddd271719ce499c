using System.Globalization;
namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// Judges the text layer by what it decodes to: no glyphs at all means scanned images (needs OCR);
/// glyphs that decode to control codes, private-use or stray symbols, or to almost no Chinese,
/// mean fonts without a Unicode mapping. Either way no rows are made from it.
/// </summary>
internal static class PdfTextQuality
{
    /// <summary>Below this share of readable characters the text is garbage.</summary>
    private const double MinReadable = 0.85;

    /// <summary>A budget disclosure is Chinese: below this share of CJK ideographs the decoding failed.</summary>
    private const double MinCjk = 0.05;

    /// <summary>A page with at least this many characters, less than half of them readable, is garbage on its own.</summary>
    private const int MinPageCharacters = 30;

    private const double MinPageReadable = 0.5;

    public static void Check(IReadOnlyList<PdfPageContent> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0)
        {
            throw new InputException("damaged PDF: it has no pages");
        }

        long total = 0, readable = 0, cjk = 0;
        foreach (var page in pages)
        {
            var (pageTotal, pageReadable, pageCjk) = (page.Glyphs.Characters, page.Glyphs.Readable, page.Glyphs.Cjk);
            if (pageTotal >= MinPageCharacters && pageReadable < MinPageReadable * pageTotal)
            {
                // one page in a font without a Unicode mapping would give junk rows: the document is not read
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"text does not decode on page {page.Number}: only {100.0 * pageReadable / pageTotal:F0}% of its {pageTotal} characters are readable (a font without a Unicode mapping?)"));
            }

            total += pageTotal;
            readable += pageReadable;
            cjk += pageCjk;
        }

        if (total == 0)
        {
            var images = pages.Sum(p => p.Images);
            throw new InputException(images > 0
                ? $"no text layer: needs OCR (the {pages.Count} pages hold {images} images and no text)"
                : "no text layer: needs OCR (the pages hold no text)");
        }

        var readableShare = (double)readable / total;
        var cjkShare = (double)cjk / total;
        if (readableShare < MinReadable || (cjkShare < MinCjk && total >= 50))
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"text does not decode: only {readableShare * 100:F0}% of {total} characters are readable and {cjkShare * 100:F0}% Chinese (fonts without a Unicode mapping?)"));
        }
    }

    /// <summary>Characters a budget document prints besides ideographs: ASCII, CJK and full-width punctuation, common symbols.</summary>
    public static bool IsReadable(char c) => c switch
    {
        >= '\u0021' and <= '\u007E' => true,
        '\u00B7' or '\u00D7' or '\u00F7' or '\u00B1' or '\u00B0' or '\u00A5' => true,
        >= '\u2000' and <= '\u206F' => true, // general punctuation: — … ※ “ ”
        >= '\u2100' and <= '\u22FF' => true, // letterlike (℃), number forms (Ⅱ), arrows, maths (≥ ≤ √)
        >= '\u2460' and <= '\u25FF' => true, // enclosed numbers (①), box drawing, geometric shapes (□ ■ ○)
        >= '\u3000' and <= '\u303F' => true, // CJK punctuation: 、。《》【】
        >= '\uFF00' and <= '\uFFEF' => true, // full-width forms: （）：，
        >= '\uFE30' and <= '\uFE4F' => true, // CJK compatibility forms
        _ => false,
    };
}
