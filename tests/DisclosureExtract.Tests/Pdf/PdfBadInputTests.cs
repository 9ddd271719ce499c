using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>PDFs that cannot be read fail with a specific message and no rows; none crashes the pipeline.</summary>
public class PdfBadInputTests
{
    private static ConversionResult Convert(string id, byte[] bytes) =>
        new DisclosurePipeline().Convert(new InputFile(id + ".pdf", id), bytes);

    private static void AssertFails(ConversionResult r, string messageStart)
    {
        Assert.Equal(ConversionStatus.Failed, r.Status);
        Assert.StartsWith(messageStart, r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Tables);
        Assert.Null(r.Source);
    }

    [Fact]
    public void A_truncated_pdf_fails_as_truncated()
    {
        var bytes = File.ReadAllBytes(TestPaths.Corpus("pdf", "tekes-2023.pdf"));
        AssertFails(Convert("cut", bytes[..(bytes.Length / 2)]), "truncated PDF");
    }

    [Fact]
    public void An_encrypted_pdf_fails_as_encrypted()
    {
        // corpus/bad/encrypted.pdf: page 1 of tekes-2023.pdf encrypted with qpdf (AES-256, user password "secret")
        AssertFails(Convert("enc", File.ReadAllBytes(TestPaths.Corpus("bad", "encrypted.pdf"))), "encrypted PDF");
    }

    [Fact]
    public void A_page_count_is_given_for_a_pdf_that_opens_and_none_for_one_that_does_not()
    {
        // `bench --folder DIR` counts pages of any folder of PDFs: an encrypted file there once ended the bench with
        // PdfPig's exception
        Assert.Equal(41, PdfDocumentReader.PageCount(TestPaths.Corpus("pdf", "tekes-2023.pdf")));
        Assert.Null(PdfDocumentReader.PageCount(TestPaths.Corpus("bad", "encrypted.pdf")));
        var notPdf = Path.Combine(TestPaths.TempDir(), "not-a.pdf");
        File.WriteAllText(notPdf, "plain text, not a PDF");
        Assert.Null(PdfDocumentReader.PageCount(notPdf));
        Assert.Null(PdfDocumentReader.PageCount(Path.Combine(TestPaths.TempDir(), "missing.pdf")));
    }

    [Fact]
    public void Fonts_without_a_unicode_mapping_fail_as_garbage_not_as_rows()
    {
        // corpus/bad/unmapped-fonts.pdf: page 1 of tekes-2023.pdf with every /ToUnicode map removed (qpdf --qdf, renamed key, fix-qdf)
        AssertFails(Convert("garbage", File.ReadAllBytes(TestPaths.Corpus("bad", "unmapped-fonts.pdf"))), "text does not decode");
    }

    [Fact]
    public void A_pdf_without_a_text_layer_needs_ocr()
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < 2; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.DrawRectangle(new PdfPoint(50, 50), 300, 400); // a scan would be an image: either way, no glyphs
        }

        AssertFails(Convert("scan", builder.Build()), "no text layer: needs OCR");
    }

    [Fact]
    public void A_damaged_pdf_fails_as_damaged()
    {
        AssertFails(Convert("junk", "%PDF-1.4\nnot a pdf body\n%%EOF\n"u8.ToArray()), "damaged PDF");
    }

    [Fact]
    public void The_reader_throws_input_exceptions_only()
    {
        var bytes = File.ReadAllBytes(TestPaths.Corpus("pdf", "tekes-2023.pdf"));
        var ex = Assert.Throws<InputException>(() => new PdfDocumentReader().Read("x", "x", bytes[..1000], ""));
        Assert.Contains("%%EOF", ex.Message, StringComparison.Ordinal);
    }
}
