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
    /// <param name="durable">fsync each file (the worker records a document as done once its files are written);
    /// a batch writes into a staging folder and does not need it.</param>
    public static void WriteDocumentFiles(string outDir, ConversionResult r, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(r);
        JsonOutput.Write(Path.Combine(outDir, "json", r.DocumentId + ".json"), r, durable);
        if (r.Tables.Count > 0)
        {
            var dir = Path.Combine(outDir, "tables", r.DocumentId);
            foreach (var t in r.Tables)
            {
                CsvOutput.WriteGrid(Path.Combine(dir, WideTableOutput.FileName(t)), WideTableOutput.Grid(t, Schema.Current.ColumnLabel), durable);
            }
        }
    }
}
