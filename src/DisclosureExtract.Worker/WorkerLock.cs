using System.Globalization;
using System.Text;

namespace DisclosureExtract.Worker;

/// <summary>
/// An exclusive lock on &lt;state&gt;.lock, held for a run: a second worker on the same state cannot take it.
/// The operating system drops the lock when the process dies, so a killed worker never leaves it stuck.
/// </summary>
public sealed class WorkerLock : IDisposable
{
    private readonly FileStream _stream;

    private WorkerLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>Takes the lock, or returns null with what is known of the holder.</summary>
    public static WorkerLock? TryAcquire(string statePath, out string holder)
    {
        ArgumentNullException.ThrowIfNull(statePath);
        var path = statePath + ".lock";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var note = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}\n"));
            stream.SetLength(0);
            stream.Write(note);
            stream.Flush(true);
            holder = string.Empty;
            return new WorkerLock(path, stream);
        }
        catch (IOException)
        {
            holder = ReadHolder(path);
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            holder = $"cannot open the lock file: {ex.Message}";
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string ReadHolder(string path)
    {
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(s, Encoding.UTF8);
            var text = reader.ReadToEnd().Trim();
            return text.Length == 0 ? "another worker" : text;
        }
        catch (IOException)
        {
            return "another worker";
        }
    }
}
