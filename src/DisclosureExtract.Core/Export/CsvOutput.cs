using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace DisclosureExtract.Export;

/// <summary>RFC 4180 CSV via CsvHelper, UTF-8 with BOM so Excel, WPS and LibreOffice open Chinese text correctly.</summary>
public static class CsvOutput
{
    public static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The one CSV dialect of every file we write: comma, CRLF line ends, invariant culture, and a field is
    /// quoted when it holds a quote, a comma, a carriage return or a line feed, or starts or ends with a space.</summary>
    /// <remarks>CsvHelper's own rule, once NewLine is set, quotes only the whole "\r\n" and would leave a lone line
    /// feed (a wrapped name, an HTML &lt;br&gt;) unquoted, breaking the row; this rule is the same otherwise, and is one
    /// vectorized scan of the field.</remarks>
    public static CsvConfiguration Config { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => NeedsQuotes(args.Field),
    };

    private static readonly SearchValues<char> QuoteTriggers = SearchValues.Create("\",\r\n");

    /// <summary>Whether a field must be quoted (see <see cref="Config"/>).</summary>
    public static bool NeedsQuotes(string? field) =>
        !string.IsNullOrEmpty(field) && (field[0] == ' ' || field[^1] == ' ' || field.AsSpan().IndexOfAny(QuoteTriggers) >= 0);

    /// <summary>Writes the header (always, even with no rows) and the rows, atomically.</summary>
    public static void Write<T>(string path, IEnumerable<T> rows)
    {
        AtomicFile.Write(path, stream => WriteTo(stream, rows));
    }

    /// <summary>Writes rows whose type is known only at run time (the long CSV files of <see cref="CsvTables"/>).</summary>
    public static void Write(string path, Type rowType, IEnumerable<object> rows)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8Bom, 1 << 16, leaveOpen: true);
            using var csv = new CsvWriter(writer, Config);
            csv.WriteHeader(rowType);
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
                csv.NextRecord();
            }
        });
    }

    public static void WriteTo<T>(Stream stream, IEnumerable<T> rows)
    {
        using var writer = new StreamWriter(stream, Utf8Bom, 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, Config);
        csv.WriteHeader<T>();
        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
            csv.NextRecord();
        }
    }

    /// <summary>Writes raw string rows (for the wide per-table CSVs whose columns vary).</summary>
    public static void WriteGrid(string path, IEnumerable<IReadOnlyList<string>> rows)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8Bom, 1 << 16, leaveOpen: true);
            using var csv = new CsvWriter(writer, Config);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        });
    }
}
