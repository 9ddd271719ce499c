using DisclosureExtract.Model;
using DisclosureExtract.Reading.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace DisclosureExtract.Reading;

/// <summary>
/// Reads PDF disclosures with PdfPig: glyphs with positions become text lines, and tables drawn with
/// ruling lines become rows whose cells sit in grid columns (see <see cref="PdfRuledTable"/>), so the
/// later stages see the same model as for text. Page numbers and running headers are dropped.
/// Encrypted, damaged or truncated files and files without a usable text layer fail with a specific message.
/// </summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Pdf;

    public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!HasEndOfFileMarker(bytes))
        {
            throw new InputException("truncated PDF: the file ends before its end-of-file marker (%%EOF)");
        }

        var pages = ReadPages(bytes);
        PdfTextQuality.Check(pages);
        var lines = PdfDocumentLines.Build(pages);
        return new SourceDocument(documentId, path, SourceFormat.Pdf, sha256, null, pages.Count, lines);
    }

    private static List<PdfPageContent> ReadPages(byte[] bytes)
    {
        var pages = new List<PdfPageContent>();
        var pageNo = 0;
        try
        {
            using var doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            for (pageNo = 1; pageNo <= doc.NumberOfPages; pageNo++)
            {
                pages.Add(PdfPageLayout.Read(doc.GetPage(pageNo)));
            }
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new InputException("encrypted PDF: it cannot be read without its password", ex);
        }
        catch (InputException)
        {
            throw;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types for broken files: each is this document's error
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            var where = pageNo > 0 ? $"page {pageNo}: " : string.Empty;
            throw new InputException($"damaged PDF: {where}{ex.Message}", ex);
        }

        return pages;
    }

    /// <summary>A complete PDF ends with %%EOF (possibly followed by a little white space or junk).</summary>
    private static bool HasEndOfFileMarker(ReadOnlySpan<byte> bytes)
    {
        var tail = bytes[Math.Max(0, bytes.Length - 2048)..];
        return tail.IndexOf("%%EOF"u8) >= 0;
    }
}
