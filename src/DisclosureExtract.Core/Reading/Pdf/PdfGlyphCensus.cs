using DisclosureExtract.Text;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// What the document-level checks need of a page's printed glyphs, counted when the page is read so that the glyphs
/// themselves (tens of bytes each, a few thousand a page) are not kept until the whole document has been read: how
/// many characters they decode to, how many of those are readable and how many Chinese (<see cref="PdfTextQuality"/>),
/// and how many glyphs there are of each size in half points (the body size, <see cref="PdfPageFurniture"/>).
/// </summary>
internal sealed record PdfGlyphCensus(long Characters, long Readable, long Cjk, IReadOnlyDictionary<int, int> GlyphsBySize)
{
    public static readonly PdfGlyphCensus Empty = new(0, 0, 0, new Dictionary<int, int>());

    /// <summary>The census of a page's printed glyphs (space glyphs, which the reader keeps as markers, are not counted).</summary>
    public static PdfGlyphCensus Of(IReadOnlyList<PdfGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        long characters = 0, readable = 0, cjk = 0;
        var bySize = new Dictionary<int, int>();
        int runKey = 0, run = 0; // glyphs of one size come in runs: counted, then added to the dictionary once
        for (var i = 0; i < glyphs.Count; i++)
        {
            var g = glyphs[i];
            if (g.IsSpace)
            {
                continue;
            }

            var key = SizeKey(g.Size);
            if (run > 0 && key != runKey)
            {
                bySize[runKey] = bySize.GetValueOrDefault(runKey) + run;
                run = 0;
            }

            runKey = key;
            run++;
            foreach (var c in g.Value)
            {
                characters++;
                if (TextNormalizer.IsCjk(c))
                {
                    cjk++;
                    readable++;
                }
                else if (PdfTextQuality.IsReadable(c))
                {
                    readable++;
                }
            }
        }

        if (run > 0)
        {
            bySize[runKey] = bySize.GetValueOrDefault(runKey) + run;
        }

        return new PdfGlyphCensus(characters, readable, cjk, bySize);
    }

    /// <summary>A glyph size rounded to half points, as a key of <see cref="GlyphsBySize"/>.</summary>
    public static int SizeKey(double size) => (int)Math.Round(size * 2);

    /// <summary>The size a <see cref="SizeKey"/> stands for.</summary>
    public static double SizeOf(int key) => key / 2.0;
}
