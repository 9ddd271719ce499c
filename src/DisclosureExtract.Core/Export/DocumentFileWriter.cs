using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Writes one document's own files — json/&lt;id&gt;.json and tables/&lt;id&gt;/*.csv — by rendering each into buffers
/// it keeps for the next document, then writing the bytes with one call. Not thread-safe: a batch keeps one per
/// thread (<see cref="BatchOutput"/>). A new StreamWriter per file used to allocate ~200 KB of buffers, twelve times a
/// document, which was more than converting it.
/// </summary>
public sealed class DocumentFileWriter
{
    private static readonly byte[] Utf8Preamble = Encoding.UTF8.GetPreamble();

    private readonly Utf8Buffer _bytes = new();
    /// <summary>The workbook's parts and the review page are written here, one after another.</summary>
    private readonly StringBuilder _markup = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter _csv;

    public DocumentFileWriter()
    {
        _json = new Utf8JsonWriter(_bytes.Writer, JsonOutput.WriterOptions);
        _csv = new CsvWriter(_text, CsvOutput.Config);
    }

    /// <param name="outDir">The output (or staging) folder.</param>
    /// <param name="r">The document.</param>
    /// <param name="staged">The folder is a staging folder swapped into place later: files are written in place.
    /// Otherwise (the nightly worker) each goes through a temporary file, is flushed to disk and renamed
    /// (<see cref="AtomicFile"/>).</param>
    /// <param name="formats">Which of the document's files to write: json/ (<see cref="OutputFormats.Json"/>), tables/
    /// (<see cref="OutputFormats.Csv"/>), xlsx/ and report/.</param>
    public void Write(string outDir, ConversionResult r, bool staged, OutputFormats formats = OutputFormats.Json | OutputFormats.Csv)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(r);
        if (formats.HasFlag(OutputFormats.Json))
        {
            var jsonDir = Path.Combine(outDir, "json");
            Directory.CreateDirectory(jsonDir);
            WriteFile(Path.Combine(jsonDir, r.DocumentId + ".json"), RenderJson(r), staged);
        }

        if ((formats & (OutputFormats.Xlsx | OutputFormats.Report)) != 0)
        {
            var printed = PrintedDocument.Build(r);
            if (formats.HasFlag(OutputFormats.Xlsx))
            {
                var dir = Path.Combine(outDir, XlsxOutput.Folder);
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, r.DocumentId + ".xlsx");
                if (staged)
                {
                    using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                    XlsxOutput.Write(file, printed, _markup, _bytes);
                }
                else
                {
                    AtomicFile.Write(path, stream => XlsxOutput.Write(stream, printed));
                }
            }

            if (formats.HasFlag(OutputFormats.Report))
            {
                var dir = Path.Combine(outDir, ReportOutput.Folder);
                Directory.CreateDirectory(dir);
                _markup.Clear();
                ReportOutput.Document(_markup, printed, formats);
                _bytes.Clear();
                _bytes.Append(_markup);
                WriteFile(Path.Combine(dir, r.DocumentId + ".html"), _bytes.Written, staged);
            }
        }

        if (r.Tables.Count == 0 || !formats.HasFlag(OutputFormats.Csv))
        {
            return;
        }

        var tableDir = Path.Combine(outDir, "tables", r.DocumentId);
        Directory.CreateDirectory(tableDir);
        foreach (var t in r.Tables)
        {
            WriteFile(Path.Combine(tableDir, WideTableOutput.FileName(t)), RenderGrid(WideTableOutput.Grid(t, Schema.Current.ColumnLabel)), staged);
        }
    }

    /// <summary>The JSON document, UTF-8 without a byte-order mark (as <see cref="JsonSerializer"/> writes a stream).</summary>
    public ReadOnlyMemory<byte> RenderJson(ConversionResult r)
    {
        _bytes.Clear();
        _json.Reset(_bytes.Writer);
        JsonSerializer.Serialize(_json, JsonOutput.ToJson(r), JsonOutputContext.Default.DocumentJson);
        _json.Flush();
        return _bytes.Written;
    }

    /// <summary>A grid of cells as CSV, UTF-8 with a byte-order mark (see <see cref="CsvOutput"/>).</summary>
    public ReadOnlyMemory<byte> RenderGrid(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _text.GetStringBuilder().Clear();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                _csv.WriteField(cell);
            }

            _csv.NextRecord();
        }

        _csv.Flush();
        _bytes.Clear();
        _bytes.Append(Utf8Preamble);
        _bytes.Append(_text.GetStringBuilder());
        return _bytes.Written;
    }

    private static void WriteFile(string path, ReadOnlyMemory<byte> content, bool staged)
    {
        if (staged)
        {
            File.WriteAllBytes(path, content.Span);
        }
        else
        {
            AtomicFile.Write(path, stream => stream.Write(content.Span));
        }
    }
}
