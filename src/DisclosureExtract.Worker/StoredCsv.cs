using System.IO.Compression;
using DisclosureExtract.Export;
using DisclosureExtract.Model;

namespace DisclosureExtract.Worker;

/// <summary>
/// A version's rows of the long CSV files as the state database keeps them besides the rows themselves (schema step 3):
/// for each file of <see cref="CsvTables.PerRow"/>, the bytes that file holds for the document — the records
/// <see cref="RowFragmentWriter"/> renders, as <c>convert</c> writes them — deflated. current/ and a run folder's long
/// CSVs are then the header followed by these bytes in document-id order: publishing copies, instead of reading every
/// stored row back and rendering it again (that was most of a pass with anything new). The bytes depend on the build that
/// rendered them (its columns and formatting), so each is stored with its build (<see cref="BuildKey"/>) and only that
/// build uses it; the rows stay the record from which another build renders its own.
/// </summary>
internal static class StoredCsv
{
    /// <summary>The document's records of each long file, deflated, in <see cref="CsvTables.PerRow"/> order.</summary>
    public static byte[][] Render(ConversionResult result)
    {
        var writer = new RowFragmentWriter();
        return [.. CsvTables.PerRow.Select(t => Deflate(writer.Render(t, result).Span))];
    }

    /// <summary>Records (CSV bytes) deflated at the fastest level: CSV of Chinese text shrinks ~5 times at a few
    /// hundred MB/s, so the state grows by a fraction of what it keeps already.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> csv)
    {
        using var buffer = new MemoryStream((csv.Length / 4) + 16);
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(csv);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the records a <see cref="Deflate"/> result holds.</summary>
    public static void Inflate(byte[] stored, Stream to)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var deflate = new DeflateStream(new MemoryStream(stored, writable: false), CompressionMode.Decompress);
        deflate.CopyTo(to);
    }
}

/// <summary>This build as the worker's state names it (the merged dataset's stamp, the stored CSVs): name, version and
/// git commit.</summary>
internal static class BuildKey
{
    /// <summary>This build's key, or null when the build does not know its commit (built without .git and without
    /// -p:SourceRevisionId): two such builds of different code would have the same key, so nothing is keyed by it.</summary>
    public static string? Current { get; } = Of(Generator.Current);

    public static string? Of(Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return generator.Commit == Generator.UnknownCommit ? null : $"{generator.Name} {generator.Version}+{generator.Commit}";
    }
}
