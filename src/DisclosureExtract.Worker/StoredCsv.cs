using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DisclosureExtract.Export;
using DisclosureExtract.Model;

namespace DisclosureExtract.Worker;

/// <summary>
/// A version's rows of the long CSV files as the state database keeps them (schema step 3): for each file of
/// <see cref="CsvTables.PerRow"/>, its header line and the records the file holds for the document — rendered by
/// <see cref="RowFragmentWriter"/>, as <c>convert</c> writes them — deflated. current/'s and a run folder's long CSVs are
/// the header followed by each version's records in document-id order: publishing copies instead of reading every row
/// back and rendering it again (that was most of a pass with anything new). Records stored under another header (by a
/// build whose columns differ) are read back by column name, as <c>merge</c> reads shards: a column they lack is empty.
/// </summary>
internal static class StoredCsv
{
    /// <summary>The document's header and records of each long file, deflated, in <see cref="CsvTables.PerRow"/> order.</summary>
    public static byte[][] Render(ConversionResult result)
    {
        var writer = new RowFragmentWriter();
        return [.. CsvTables.PerRow.Select(t => Deflate(RowFragmentWriter.Header(t.RowType).Span, writer.Render(t, result).Span))];
    }

    /// <summary>A header line and its records deflated at the fastest level: CSV of Chinese text shrinks ~5 times at a few
    /// hundred MB/s.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> header, ReadOnlySpan<byte> records)
    {
        using var buffer = new MemoryStream(((header.Length + records.Length) / 4) + 16);
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(header);
            deflate.Write(records);
        }

        return buffer.ToArray();
    }

    /// <summary>The bytes a <see cref="Deflate"/> result holds (header and records).</summary>
    public static byte[] Inflate(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var deflate = new DeflateStream(new MemoryStream(stored, writable: false), CompressionMode.Decompress);
        using var csv = new MemoryStream(stored.Length * 5);
        deflate.CopyTo(csv);
        return csv.ToArray();
    }

    /// <summary>Writes a version's stored records of <paramref name="table"/> under the header <paramref name="header"/>
    /// (<see cref="RowFragmentWriter.Header"/> of its row type): as stored when stored under that header, else field by
    /// field by column name.</summary>
    public static void WriteRecords(byte[] stored, CsvTable table, ReadOnlySpan<byte> header, Stream to)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(to);
        var csv = Inflate(stored);
        if (csv.AsSpan().StartsWith(header))
        {
            to.Write(csv.AsSpan(header.Length));
            return;
        }

        using var reader = new StreamReader(new MemoryStream(csv, writable: false), Encoding.UTF8);
        using var parser = new CsvParser(reader, CsvOutput.Config);
        if (!parser.Read() || parser.Record is not { } storedHeader)
        {
            return;
        }

        var at = table.Fields.Names.Select(name => Array.IndexOf(storedHeader, name)).ToArray();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new CsvWriter(text, CsvOutput.Config))
        {
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                foreach (var i in at)
                {
                    writer.WriteField(i >= 0 && i < record.Length ? record[i] : string.Empty);
                }

                writer.NextRecord();
            }
        }

        to.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }
}

/// <summary>This build as the worker's state names it (the merged dataset's stamp, the stored CSVs): name, version and
/// git commit.</summary>
internal static class BuildKey
{
    /// <summary>This build's name as stored with what it rendered (the commit "unknown" when the build does not know it).</summary>
    public static string Name { get; } = NameOf(Generator.Current);

    /// <summary>A build's key, or null when the build does not know its commit (built without .git and without
    /// -p:SourceRevisionId): two such builds of different code would have the same key, so nothing is keyed by it.</summary>
    public static string? Of(Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return generator.Commit == Generator.UnknownCommit ? null : NameOf(generator);
    }

    private static string NameOf(Generator generator) => $"{generator.Name} {generator.Version}+{generator.Commit}";
}
