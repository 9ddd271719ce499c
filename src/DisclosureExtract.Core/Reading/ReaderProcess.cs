using System.Diagnostics;
using DisclosureExtract.Model;

namespace DisclosureExtract.Reading;

/// <summary>One reader process and its pipes; used by one thread at a time.</summary>
internal sealed class ReaderProcess : IDisposable
{
    /// <summary>Time a new process has to greet (start-up of a .NET program is well under a second).</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly BinaryWriter _requests;
    private readonly BinaryReader _answers;
    private readonly Queue<string> _errorTail = new();
    private int _state; // Idle, Reading, Killed or Broken: a time-out that fires as the answer arrives must not kill unseen

    private const int Idle = 0;
    private const int Reading = 1;
    private const int Killed = 2;
    private const int Broken = 3;

    private ReaderProcess(Process process)
    {
        _process = process;
        _requests = new BinaryWriter(new BufferedStream(process.StandardInput.BaseStream, 1 << 16));
        _answers = new BinaryReader(new BufferedStream(process.StandardOutput.BaseStream, 1 << 16));
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (_errorTail)
                {
                    _errorTail.Enqueue(line);
                    if (_errorTail.Count > 5)
                    {
                        _errorTail.Dequeue();
                    }
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public static ReaderProcess Start(ProgramCommand command)
    {
        var psi = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Arguments)
        {
            psi.ArgumentList.Add(a);
        }

        Process? process;
        try
        {
            process = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InputException($"the PDF reader process ({command.FileName}) cannot be started: {ex.Message}", ex);
        }

        var reader = new ReaderProcess(process ?? throw new InputException($"the PDF reader process ({command.FileName}) did not start"));
        if (!reader.Greeted(StartLimit))
        {
            reader.Dispose();
            throw new InputException($"{command.FileName} {string.Join(' ', command.Arguments)} did not answer as a PDF reader process");
        }

        return reader;
    }

    /// <summary>Reads the process's greeting (killing it if none comes in time).</summary>
    private bool Greeted(TimeSpan limit)
    {
        using var timer = new Timer(_ => Kill(), null, limit, Timeout.InfiniteTimeSpan);
        try
        {
            return _answers.ReadInt32() == ReaderProcessWire.Hello && _answers.ReadInt32() == ReaderProcessWire.Version;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>False once the process was killed: it must not be given another file.</summary>
    public bool Usable => Volatile.Read(ref _state) == Idle && !_process.HasExited;

    public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256, TimeSpan timeLimit)
    {
        Volatile.Write(ref _state, Reading);
        using var timer = new Timer(_ => KillForTime(), null, timeLimit, Timeout.InfiniteTimeSpan);
        try
        {
            ReaderProcessWire.WriteRequest(_requests, documentId, path, sha256, bytes);
            _requests.Flush();
            var kind = _answers.ReadByte();
            switch (kind)
            {
                case ReaderProcessWire.Document:
                    return ReaderProcessWire.ReadDocumentBody(_answers, documentId, path, SourceFormat.Pdf, sha256);
                case ReaderProcessWire.InputError:
                    throw new InputException(ReaderProcessWire.ReadString(_answers));
                case ReaderProcessWire.InternalError:
                    // the wording the pipeline gives an exception of a stage, so a document fails alike in either process
                    throw new InputException("internal error while converting: " + ReaderProcessWire.ReadString(_answers));
                default:
                    throw new InvalidDataException($"unexpected answer {kind}");
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException)
        {
            var killed = Interlocked.Exchange(ref _state, Broken) == Killed;
            throw new InputException(killed
                ? $"time limit: reading the PDF took longer than {timeLimit.TotalSeconds:0} s (--timeout); its reader process was stopped"
                : $"the PDF reader process stopped while reading this file{Ended()}", ex);
        }
        finally
        {
            Interlocked.CompareExchange(ref _state, Idle, Reading);
        }
    }

    private void KillForTime()
    {
        if (Interlocked.CompareExchange(ref _state, Killed, Reading) == Reading)
        {
            Kill();
        }
    }

    /// <summary>" (exit code N: last line of its error output)" once the process has ended.</summary>
    private string Ended()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            return string.Empty;
        }

        _process.WaitForExit(); // it has exited: this waits for the last of its error output to be read

        string? last;
        lock (_errorTail)
        {
            last = _errorTail.Count > 0 ? string.Join(" / ", _errorTail) : null;
        }

        return $" (exit code {_process.ExitCode}{(last is null ? string.Empty : ": " + last)})";
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has ended already
        }
    }

    /// <summary>Closes its input, so it reports and exits; null if it had died or does not answer.</summary>
    public (long PeakBytes, double CpuSeconds)? Finish()
    {
        try
        {
            if (_process.HasExited)
            {
                return null;
            }

            _requests.Dispose(); // end of input
            if (_answers.ReadByte() != ReaderProcessWire.Goodbye)
            {
                return null;
            }

            var answer = (_answers.ReadInt64(), _answers.ReadDouble());
            return _process.WaitForExit(TimeSpan.FromSeconds(10)) ? answer : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _requests.Dispose();
        _answers.Dispose();
        _process.Dispose();
    }
}
