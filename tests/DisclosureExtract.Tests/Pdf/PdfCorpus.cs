using System.Collections.Concurrent;
using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>Reads each corpus PDF once per test run (reading is the slow part).</summary>
internal static class PdfCorpus
{
    private static readonly ConcurrentDictionary<string, Lazy<SourceDocument>> Cache = new(StringComparer.Ordinal);

    public static SourceDocument Read(string id) => Cache.GetOrAdd(id, i => new Lazy<SourceDocument>(() =>
    {
        var path = TestPaths.Corpus("pdf", i + ".pdf");
        return new PdfDocumentReader().Read(i, path, File.ReadAllBytes(path), "");
    })).Value;

    /// <summary>A real disclosure of another publisher (corpus/real/), read once per test run.</summary>
    public static SourceDocument ReadReal(string id) => Cache.GetOrAdd("real/" + id, _ => new Lazy<SourceDocument>(() =>
    {
        var path = TestPaths.Corpus("real", id + ".pdf");
        return new PdfDocumentReader().Read(id, path, File.ReadAllBytes(path), "");
    })).Value;

    /// <summary>The table rows (lines with cells) after the title line that contains <paramref name="title"/>, up to the next line without cells that is not a note.</summary>
    public static List<DocLine> TableRows(SourceDocument doc, string title)
    {
        var start = doc.Lines.First(l => l.Cells is null && l.Norm.Replace(" ", "", StringComparison.Ordinal).EndsWith(title, StringComparison.Ordinal)).Index;
        var rows = new List<DocLine>();
        var seenRows = false;
        for (var i = start + 1; i < doc.Lines.Count; i++)
        {
            var l = doc.Lines[i];
            if (l.Cells is not null)
            {
                rows.Add(l);
                seenRows = true;
            }
            else if (seenRows)
            {
                break;
            }
        }

        return rows;
    }

    public static string Squeeze(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
}
