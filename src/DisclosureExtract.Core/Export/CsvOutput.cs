using System.Diagnostics.CodeAnalysis;
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
    public static void Write<[DynamicallyAccessedMembers(RowFields.Members)] T>(string path, IEnumerable<T> rows)
        where T : notnull
    {
        AtomicFile.Write(path, stream => WriteTo(stream, rows));
    }

    /// <summary>Writes rows whose type is known only at run time (the long CSV files of <see cref="CsvTables"/>).</summary>
    public static void Write(string path, [DynamicallyAccessedMembers(RowFields.Members)] Type rowType, IEnumerable<object> rows)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.Write(path, stream => WriteTo(stream, RowFields.For(rowType), rows));
    }

    public static void WriteTo<[DynamicallyAccessedMembers(RowFields.Members)] T>(Stream stream, IEnumerable<T> rows)
        where T : notnull => WriteTo(stream, RowFields.For(typeof(T)), rows.Select(r => (object)r));

    /// <summary>The header (the row type's property names) and one record a row, each field as its getter gives it.</summary>
    private static void WriteTo(Stream stream, RowFields fields, IEnumerable<object> rows)
    {
        using var writer = new StreamWriter(stream, Utf8Bom, 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, Config);
        WriteRecord(csv, fields.Names);
        foreach (var row in rows)
        {
            foreach (var getter in fields.Getters)
            {
                csv.WriteField(getter(row));
            }

            csv.NextRecord();
        }
    }

    /// <summary>One record of the given fields.</summary>
    public static void WriteRecord(CsvWriter csv, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
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
