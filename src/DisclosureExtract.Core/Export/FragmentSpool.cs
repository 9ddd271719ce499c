using Microsoft.Win32.SafeHandles;

namespace DisclosureExtract.Export;

/// <summary>Where one document's rows of one long CSV file lie in a spool.</summary>
/// <param name="Spool">The spool's number.</param>
/// <param name="Offset">The first byte in that spool's file for the table.</param>
/// <param name="Length">How many bytes (UTF-8, no byte-order mark).</param>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)] // 16 bytes, not 24: a batch keeps one a document and file
public readonly record struct FragmentRef(int Spool, long Offset, int Length);

/// <summary>
/// Append-only files, one per long CSV file, into which one writer thread puts each document's rows as the document
/// finishes; <see cref="BatchOutput.Commit"/> later copies them out in document-id order. This keeps memory flat
/// however large the batch, without a small file per document and table (five file creations a document).
/// Not thread-safe: each thread writing has its own spool.
/// </summary>
public sealed class FragmentSpool : IDisposable
{
    private readonly string[] _paths;
    private readonly FileStream[] _files;

    public FragmentSpool(string folder, int number, int tables)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Number = number;
        _paths = new string[tables];
        _files = new FileStream[tables];
        for (var t = 0; t < tables; t++)
        {
            _paths[t] = PathOf(folder, number, t);
            _files[t] = new FileStream(_paths[t], FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        }
    }

    public int Number { get; }

    /// <summary>The file of a spool's table.</summary>
    public static string PathOf(string folder, int number, int table) =>
        Path.Combine(folder, FormattableString.Invariant($"spool-{number}.{table}.csv"));

    /// <summary>Hands what was appended to the operating system, so that a reader of the file (<see cref="DatasetStream"/>)
    /// sees it.</summary>
    public void Flush()
    {
        foreach (var f in _files)
        {
            f.Flush(flushToDisk: false);
        }
    }

    /// <summary>Appends bytes to the table's file and says where they are.</summary>
    public FragmentRef Append(int table, ReadOnlySpan<byte> bytes)
    {
        var file = _files[table];
        var at = file.Position;
        file.Write(bytes);
        return new FragmentRef(Number, at, bytes.Length);
    }

    /// <summary>Opens the table's file for reading at given offsets (after <see cref="Dispose"/> has flushed it).</summary>
    public SafeFileHandle OpenForReading(int table) => File.OpenHandle(_paths[table], FileMode.Open, FileAccess.Read, FileShare.Read);

    public void Dispose()
    {
        foreach (var f in _files)
        {
            f.Dispose();
        }
    }
}
