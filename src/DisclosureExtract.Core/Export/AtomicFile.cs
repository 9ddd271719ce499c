namespace DisclosureExtract.Export;

/// <summary>Writes a file through a temporary file in the same folder and a rename, so a reader never sees half a file.</summary>
public static class AtomicFile
{
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="staged">The file is inside a staging folder that is itself swapped into place later (see
    /// <see cref="BatchOutput"/>): nobody reads it before then, so it is written in place, without a temporary
    /// file, a rename or an fsync (those cost more than converting the document).</param>
    public static void Write(string path, Action<Stream> write, bool staged = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        if (staged)
        {
            using var direct = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 12);
            write(direct);
            return;
        }

        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(true);
            }

            File.Move(tmp, path, overwrite: true);
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
