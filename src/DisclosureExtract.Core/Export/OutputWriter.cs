using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Writes a batch's outputs: documents.csv, line_items.csv, findings.csv, json/, tables/.
/// Results are written sorted by document id so that the same inputs give byte-identical files
/// (see <see cref="BatchOutput"/>, which streams them and swaps the new folder into place).
/// </summary>
public static class OutputWriter
{
    public static void Write(string outDir, IEnumerable<ConversionResult> results)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(results);
        using var output = new BatchOutput(outDir);
        foreach (var r in results)
        {
            output.Add(r);
        }

        output.Commit();
    }

    /// <summary>The per-document files: json/&lt;id&gt;.json and tables/&lt;id&gt;/*.csv.</summary>
    /// <param name="staged">The folder is a staging folder swapped into place later (a batch): files are written in
    /// place. Otherwise (the worker, which records a document as done once its files are written) each file is
    /// written through a temporary file, flushed to disk and renamed.</param>
    public static void WriteDocumentFiles(string outDir, ConversionResult r, bool staged = false)
    {
        new DocumentFileWriter().Write(outDir, r, staged);
    }
}
