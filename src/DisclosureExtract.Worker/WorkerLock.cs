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
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
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

        try
        {
            // Who holds it goes to a side file: on Linux the lock file itself cannot be opened, even to read, while locked.
            File.WriteAllText(OwnerPath(path), string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}\n"), Encoding.UTF8);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        holder = string.Empty;
        return new WorkerLock(path, stream);
    }

    public void Dispose() => _stream.Dispose();

    private static string OwnerPath(string lockPath) => lockPath + ".owner";

    private static string ReadHolder(string path)
    {
        try
        {
            var text = File.ReadAllText(OwnerPath(path), Encoding.UTF8).Trim();
            return text.Length == 0 ? "another worker" : $"another worker ({text})";
        }
        catch (IOException)
        {
            return "another worker";
        }
        catch (UnauthorizedAccessException)
        {
            return "another worker";
        }
    }
}
