using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Writes a batch's outputs: documents.csv, line_items.csv, findings.csv, json/, tables/.
/// Results are written sorted by document id so that the same inputs give byte-identical files.
/// Every file is written through a temporary file and a rename.
/// </summary>
public static class OutputWriter
{
    public static void Write(string outDir, IEnumerable<ConversionResult> results)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(results);
        var sorted = results.OrderBy(r => r.DocumentId, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(outDir);
        foreach (var r in sorted)
        {
            WriteDocumentFiles(outDir, r);
        }

        CsvOutput.Write(Path.Combine(outDir, "documents.csv"), sorted.Select(OutputRows.Document));
        CsvOutput.Write(Path.Combine(outDir, "line_items.csv"), sorted.SelectMany(OutputRows.LineItems));
        CsvOutput.Write(Path.Combine(outDir, "findings.csv"), sorted.SelectMany(OutputRows.Findings));
        CsvOutput.Write(Path.Combine(outDir, "projects.csv"), sorted.SelectMany(ExplanationRows.Projects));
        CsvOutput.Write(Path.Combine(outDir, "explanations.csv"), sorted.SelectMany(ExplanationRows.Explanations));
        CsvOutput.Write(Path.Combine(outDir, "indicators.csv"), sorted.SelectMany(ExplanationRows.Indicators));
    }

    /// <summary>The per-document files: json/&lt;id&gt;.json and tables/&lt;id&gt;/*.csv.</summary>
    public static void WriteDocumentFiles(string outDir, ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(r);
        JsonOutput.Write(Path.Combine(outDir, "json", r.DocumentId + ".json"), r);
        if (r.Tables.Count > 0)
        {
            var dir = Path.Combine(outDir, "tables", r.DocumentId);
            foreach (var t in r.Tables)
            {
                CsvOutput.WriteGrid(Path.Combine(dir, WideTableOutput.FileName(t)), WideTableOutput.Grid(t, Schema.Current.ColumnLabel));
            }
        }
    }
}
