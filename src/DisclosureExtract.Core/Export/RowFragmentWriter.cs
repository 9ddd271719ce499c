using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Renders one document's rows of a long CSV file (line_items.csv, findings.csv, …) as UTF-8 CSV without a header.
/// CsvHelper writes the fields (quoting, escaping); the fields of a row are read by getters compiled once per row type
/// (<see cref="RowFields"/>) rather than by CsvWriter.WriteRecord, whose per-record type dispatch cost more than the
/// writing itself (~1.5 µs a row). Not thread-safe: one per writing thread.
/// </summary>
public sealed class RowFragmentWriter
{

    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter _csv;
    private readonly Utf8Buffer _bytes = new();

    public RowFragmentWriter()
    {
        _csv = new CsvWriter(_text, CsvOutput.Config);
    }

    /// <summary>The document's rows of the table; the memory is valid until the next call.</summary>
    /// <param name="table">The long table.</param>
    /// <param name="result">The document.</param>
    /// <param name="records">If given, each row's fields are also added to it, as a CSV reader would give them back.</param>
    public ReadOnlyMemory<byte> Render(CsvTable table, ConversionResult result, List<string[]>? records = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(result);
        return Render(table.Fields, table.Rows(result), records);
    }

    /// <summary>Rows of a row type whose fields are <paramref name="fields"/>; the memory is valid until the next call.</summary>
    public ReadOnlyMemory<byte> Render(RowFields fields, IEnumerable<object> rows, List<string[]>? records = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);
        _text.GetStringBuilder().Clear();
        var getters = fields.Getters;
        foreach (var row in rows)
        {
            var record = records is null ? null : new string[getters.Count];
            for (var f = 0; f < getters.Count; f++)
            {
                var text = getters[f](row);
                _csv.WriteField(text);
                if (record is not null)
                {
                    record[f] = text;
                }
            }

            _csv.NextRecord();
            records?.Add(record!);
        }

        _csv.Flush();
        _bytes.Clear();
        _bytes.Append(_text.GetStringBuilder());
        return _bytes.Written;
    }

    /// <summary>What a long CSV file starts with: the byte-order mark and the header line; its records follow.</summary>
    public static void WriteFileStart(Stream stream, [DynamicallyAccessedMembers(RowFields.Members)] Type rowType)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(CsvOutput.Utf8Bom.GetPreamble());
        stream.Write(Header(rowType).Span);
    }

    /// <summary>The header line of a row type's CSV file, UTF-8 without a byte-order mark.</summary>
    public static ReadOnlyMemory<byte> Header([DynamicallyAccessedMembers(RowFields.Members)] Type rowType)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CsvOutput.Config))
        {
            CsvOutput.WriteRecord(csv, RowFields.For(rowType).Names);
        }

        return CsvOutput.Utf8Bom.GetBytes(text.ToString());
    }
}
