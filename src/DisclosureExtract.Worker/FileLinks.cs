using System.Runtime.InteropServices;
using DisclosureExtract.Export;

namespace DisclosureExtract.Worker;

/// <summary>
/// Puts a run folder's per-document file into current/ as a second name of the same file (a hard link) where the file
/// system allows, instead of a copy: no bytes written again (the document JSON alone is ~200 KB a document) and no
/// flush to disk per file. Both names stay valid alone: removing an old run folder (Worker:RunRetention) leaves
/// current/'s name, and files are only ever replaced by a rename, never changed in place, so the two cannot diverge.
/// Where linking is refused (Windows, another file system, a file system without links) it copies.
/// </summary>
internal static partial class FileLinks
{
    /// <summary>Makes <paramref name="to"/> hold <paramref name="from"/>'s content; it appears whole (a temporary name
    /// renamed into place) and replaces any file of that name.</summary>
    /// <returns>True when linked, false when copied.</returns>
    public static bool LinkOrCopy(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!OperatingSystem.IsWindows() && AtomicFile.Place(to, tmp => TryLink(from, tmp)))
        {
            return true;
        }

        AtomicFile.Write(to, stream =>
        {
            using var source = File.OpenRead(from);
            source.CopyTo(stream);
        });
        return false;
    }

    private static bool TryLink(string existing, string newName)
    {
        try
        {
            return Link(existing, newName) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // a Unix whose C library is not found as "libc": copy
        }
    }

    /// <summary>link(2): a new name for an existing file; 0 on success.</summary>
    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newName);
}
