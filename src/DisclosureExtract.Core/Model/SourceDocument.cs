namespace DisclosureExtract.Model;

/// <summary>The input format a reader understood.</summary>
public enum SourceFormat
{
    Text,
    Html,
    Pdf,
}

/// <summary>
/// One cell of a line whose reader knew the cell boundaries: a tab-separated text line,
/// an HTML table cell (grid column after rowspan/colspan expansion) or a PDF text run with
/// its x-extent on the page. Readers that cannot tell cells apart leave <see cref="DocLine.Cells"/> null.
/// </summary>
/// <param name="Text">The cell text as printed (markup removed).</param>
/// <param name="Column">Grid column index (0-based) where the reader knows it; null otherwise.</param>
/// <param name="Left">Left edge on the page in PDF points (PDF only).</param>
/// <param name="Right">Right edge on the page in PDF points (PDF only).</param>
public sealed record TextCell(string Text, int? Column = null, double? Left = null, double? Right = null);

/// <summary>
/// One line of the source as the reader saw it. Every later stage refers back to lines by
/// <see cref="Index"/>, so provenance (page, line) survives to the output.
/// </summary>
/// <param name="Index">Position in <see cref="SourceDocument.Lines"/> (0-based).</param>
/// <param name="Number">1-based line number in the source file (text, HTML) or on the page (PDF).</param>
/// <param name="Page">1-based page number where the reader knows it (PDF, or text with form feeds).</param>
/// <param name="Text">The line as printed, with markup (## headings, &lt;b&gt; tags) removed; names keep their printed form.</param>
/// <param name="Norm">The line folded for parsing: NFKC (full-width digits and punctuation to ASCII), white space collapsed.</param>
/// <param name="Cells">The cells when the reader knows them, otherwise null.</param>
/// <param name="IsHeading">True when the source marked the line as a heading (markdown #, HTML h1-h6).</param>
public sealed record DocLine(int Index, int Number, int? Page, string Text, string Norm, IReadOnlyList<TextCell>? Cells = null, bool IsHeading = false)
{
    /// <summary>Provenance for messages: "page 3 line 12" or "line 12".</summary>
    public string Where => Page is { } p ? $"page {p} line {Number}" : $"line {Number}";
}

/// <summary>What a reader produced: the same model for every input format.</summary>
/// <param name="DocumentId">Unique id in a batch (file name without extension).</param>
/// <param name="SourceFile">The path as given.</param>
/// <param name="Format">Which reader produced it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Encoding">The text encoding detected (text and HTML), or null.</param>
/// <param name="PageCount">Number of pages (PDF), or null.</param>
/// <param name="Lines">Every line in reading order.</param>
public sealed record SourceDocument(
    string DocumentId,
    string SourceFile,
    SourceFormat Format,
    string Sha256,
    string? Encoding,
    int? PageCount,
    IReadOnlyList<DocLine> Lines);
