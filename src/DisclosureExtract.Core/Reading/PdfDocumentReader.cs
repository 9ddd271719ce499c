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
/// <remarks>
/// PdfPig keeps every object it has parsed (fonts, decoded streams) until the document is closed: a 116-page PDF peaked
/// at ~200 MB alone. Once PdfPig has allocated <see cref="DefaultReopenAfterBytes"/> reading this document's pages since
/// it was opened, the document is closed and opened again before the next page, which drops those caches; its pages read
/// the same either way (a test reads documents both ways). The measure is what the reading thread allocates inside
/// PdfPig's page reading: not the heap, which another job's document fills (a heap threshold made two jobs reopen before
/// every page, at half speed), nor this reader's own layout garbage, which is not PdfPig's cache. 111 real PDFs, two
/// jobs: peak 320-351 MB against 564-699 MB without reopening, for ~8% more time (bench/results.md, sessions of
/// 2026-12-05). What a document keeps besides is small (17-22 MB live for a 262-page PDF): pages keep counts of their
/// glyphs (<see cref="Pdf.PdfGlyphCensus"/>), not the glyphs. The dropped caches have lived through collections by then,
/// so only a full collection frees them, and the server collector makes one rarely while two jobs keep allocating: when
/// the process's working set is above <see cref="DefaultCollectAboveWorkingSet"/> at a reopening, the reader asks for a
/// background full collection. 111 real PDFs, two jobs: peak 255-261 MB against 296-321 MB, ~3% more time; asked at
/// every reopening, 233-245 MB for ~20% more time (bench/results.md, session of 2026-12-05, night).
/// </remarks>
public sealed class PdfDocumentReader : IDocumentReader
{
    /// <summary>Bytes PdfPig allocates reading a document's pages before the document is reopened (at a page boundary).</summary>
    public const long DefaultReopenAfterBytes = 24L * 1024 * 1024;

    /// <summary>The process's working set above which reopening a document also asks for a background full collection.</summary>
    public const long DefaultCollectAboveWorkingSet = 240L * 1024 * 1024;

    private readonly long _reopenAfterBytes;
    private readonly long _collectAboveWorkingSet;

    public PdfDocumentReader()
        : this(DefaultReopenAfterBytes)
    {
    }

    /// <param name="reopenAfterBytes">Bytes PdfPig allocates reading pages before the document is reopened before the
    /// next page; 0 reopens it before every page, <see cref="long.MaxValue"/> never.</param>
    /// <param name="collectAboveWorkingSet">Working set (bytes) above which a reopening asks for a background full
    /// collection; 0 asks at every reopening, <see cref="long.MaxValue"/> never.</param>
    public PdfDocumentReader(long reopenAfterBytes, long collectAboveWorkingSet = DefaultCollectAboveWorkingSet)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reopenAfterBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(collectAboveWorkingSet);
        _reopenAfterBytes = reopenAfterBytes;
        _collectAboveWorkingSet = collectAboveWorkingSet;
    }

    public SourceFormat Format => SourceFormat.Pdf;

    public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!HasEndOfFileMarker(bytes))
        {
            throw new InputException("truncated PDF: the file ends before its end-of-file marker (%%EOF)");
        }

        var pages = ReadPages(bytes, _reopenAfterBytes, _collectAboveWorkingSet);
        PdfTextQuality.Check(pages);
        var lines = PdfDocumentLines.Build(pages);
        return new SourceDocument(documentId, path, SourceFormat.Pdf, sha256, null, pages.Count, lines);
    }

    private static List<PdfPageContent> ReadPages(byte[] bytes, long budget, long collectAboveWorkingSet)
    {
        var pages = new List<PdfPageContent>();
        var pageNo = 0;
        try
        {
            var doc = Open(bytes);
            var read = 0L; // bytes PdfPig allocated reading pages since the document was opened
            try
            {
                var count = doc.NumberOfPages;
                for (pageNo = 1; pageNo <= count; pageNo++)
                {
                    if (pageNo > 1 && read >= budget)
                    {
                        doc.Dispose();
                        doc = Open(bytes);
                        read = 0;
                        if (Environment.WorkingSet >= collectAboveWorkingSet)
                        {
                            GC.Collect(2, GCCollectionMode.Forced, blocking: false);
                        }
                    }

                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var page = doc.GetPage(pageNo);
                    read += GC.GetAllocatedBytesForCurrentThread() - before;
                    pages.Add(PdfPageLayout.Read(page));
                }
            }
            finally
            {
                doc.Dispose();
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

    /// <summary>The number of pages of a PDF as this reader opens it, or null when it cannot be opened (encrypted,
    /// damaged, not a PDF): for tools that count pages (the bench's pages per second), not for reading.</summary>
    public static int? PageCount(string path)
    {
        try
        {
            using var doc = Open(File.ReadAllBytes(path));
            return doc.NumberOfPages;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types for files it cannot open: each means "no page count"
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static PdfDocument Open(byte[] bytes) =>
        PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });

    /// <summary>A complete PDF ends with %%EOF (possibly followed by a little white space or junk).</summary>
    private static bool HasEndOfFileMarker(ReadOnlySpan<byte> bytes)
    {
        var tail = bytes[Math.Max(0, bytes.Length - 2048)..];
        return tail.IndexOf("%%EOF"u8) >= 0;
    }
}
