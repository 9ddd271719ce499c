namespace DisclosureExtract.Export;

/// <summary>Writes a file through a temporary file in the same folder and a rename, so a reader never sees half a file.</summary>
public static class AtomicFile
{
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content.</param>
    /// <remarks>Files inside a batch's staging folder, which is swapped into place as a whole, need none of this and are
    /// written directly (<see cref="DocumentFileWriter"/>).</remarks>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Place(path, tmp =>
        {
            using var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
            stream.Flush(true);
            return true;
        });
    }

    /// <summary>Has <paramref name="make"/> create the file under a temporary name in the same folder and, when it says
    /// it did, renames it to <paramref name="path"/> (replacing any file there); the temporary name never stays behind.</summary>
    /// <returns>What <paramref name="make"/> returned.</returns>
    public static bool Place(string path, Func<string, bool> make)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(make);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (!make(tmp))
            {
                return false;
            }

            File.Move(tmp, path, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }
}
