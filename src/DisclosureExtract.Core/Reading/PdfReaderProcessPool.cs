using System.Diagnostics;
using DisclosureExtract.Model;

namespace DisclosureExtract.Reading;

/// <summary>How to start a PDF reader process: a program and its arguments (ending with <see cref="PdfReaderServer.Argument"/>).</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record ReaderProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The running program itself, started again with <see cref="PdfReaderServer.Argument"/>: the single-file
    /// or apphost executable, or `dotnet` with the entry assembly when it was started that way.</summary>
    public static ReaderProcessCommand ThisProgram(string assemblyName)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        return Path.GetFileNameWithoutExtension(exe) == "dotnet"
            ? new ReaderProcessCommand(exe, [Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"), PdfReaderServer.Argument])
            : new ReaderProcessCommand(exe, [PdfReaderServer.Argument]);
    }
}

/// <summary>
/// Reads PDFs in separate processes (<see cref="PdfReaderServer"/>), at most <c>processes</c> at once, each process
/// reading one file after another. PdfPig 0.1.16 takes one process-wide lock for every operator of every page's content
/// (<c>OperatorToken</c>'s name pool), so threads of one process reading PDFs queue on it; processes do not share it.
/// The document is the one <see cref="PdfDocumentReader"/> makes in this process (same code, exact transfer).
/// A process that dies while reading (a crash in the PDF library, or one killed after the time limit) fails only that
/// file, with a message saying so, and the next file starts a new process. Processes start when first needed.
/// </summary>
public sealed class PdfReaderProcessPool : IDocumentReader, IDisposable
{
    private readonly ReaderProcessCommand _command;
    private readonly TimeSpan _timeLimit;
    private readonly TimeSpan _idleLimit;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private readonly List<(ReaderProcess Process, long Since)> _idle = []; // guarded by _gate
    private readonly List<ReaderProcess> _all = []; // guarded by _gate: every process not yet ended
    private readonly Timer? _idleCheck;
    private readonly PdfDocumentReader _inProcess = new();
    private long _peakBytes;
    private long _cpuMicroseconds;
    private int _started;
    private bool _disposed;

    /// <param name="command">How to start a reader process.</param>
    /// <param name="processes">Processes reading at once (at least 1).</param>
    /// <param name="timeLimit">A read that takes longer has its process killed (the file fails with "time limit").</param>
    /// <param name="idleLimit">A process left without a file this long ends (a long-running service's readers do
    /// not hold their memory between passes); null: they live until <see cref="Dispose"/>.</param>
    public PdfReaderProcessPool(ReaderProcessCommand command, int processes, TimeSpan timeLimit, TimeSpan? idleLimit = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        _command = command;
        _timeLimit = timeLimit;
        _slots = new SemaphoreSlim(processes, processes);
        if (idleLimit is { } idle)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idle, TimeSpan.Zero);
            _idleLimit = idle;
            _idleCheck = new Timer(_ => EndIdleProcesses(), null, idle / 2, idle / 2);
        }
    }

    public SourceFormat Format => SourceFormat.Pdf;

    /// <summary>Why no reader process could be started, if so: PDFs are then read in this process.</summary>
    public string? StartFailure { get; private set; }

    /// <summary>Reader processes started so far (a process that died or was idle too long is replaced by a new one).</summary>
    public int StartedProcesses => Volatile.Read(ref _started);

    /// <summary>Reader processes running now.</summary>
    public int RunningProcesses
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>The sum of the peak memory of the reader processes that have ended normally (after <see cref="Dispose"/>:
    /// of all of them), for reporting the whole run's memory.</summary>
    public long PeakBytesOfEndedProcesses => Interlocked.Read(ref _peakBytes);

    /// <summary>The CPU time of the reader processes that have ended normally.</summary>
    public TimeSpan CpuOfEndedProcesses => TimeSpan.FromMicroseconds(Interlocked.Read(ref _cpuMicroseconds));

    public SourceDocument Read(string documentId, string path, byte[] bytes, string sha256)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (StartFailure is not null)
        {
            return _inProcess.Read(documentId, path, bytes, sha256);
        }

        _slots.Wait();
        ReaderProcess? process = null;
        try
        {
            process = TakeIdle();
            if (process is null)
            {
                try
                {
                    process = Start();
                }
                catch (InputException ex)
                {
                    StartFailure ??= ex.Message; // not started, or not a reader process: read here rather than fail every PDF
                    return _inProcess.Read(documentId, path, bytes, sha256);
                }
            }

            return process.Read(documentId, path, bytes, sha256, _timeLimit);
        }
        finally
        {
            if (process is not null)
            {
                GiveBack(process);
            }

            _slots.Release();
        }
    }

    private ReaderProcess? TakeIdle()
    {
        lock (_gate)
        {
            if (_idle.Count == 0)
            {
                return null;
            }

            var p = _idle[^1].Process;
            _idle.RemoveAt(_idle.Count - 1);
            return p;
        }
    }

    private void GiveBack(ReaderProcess process)
    {
        if (process.Usable)
        {
            lock (_gate)
            {
                _idle.Add((process, Environment.TickCount64));
            }

            return;
        }

        // it died, broke the conversation, or was killed as its answer came
        lock (_gate)
        {
            _all.Remove(process);
        }

        process.Dispose();
    }

    private ReaderProcess Start()
    {
        var p = ReaderProcess.Start(_command);
        Interlocked.Increment(ref _started);
        lock (_gate)
        {
            _all.Add(p);
        }

        return p;
    }

    /// <summary>Ends the processes that have been idle longer than the idle limit.</summary>
    private void EndIdleProcesses()
    {
        var now = Environment.TickCount64;
        List<ReaderProcess> ending;
        lock (_gate)
        {
            ending = _idle.Where(i => now - i.Since >= _idleLimit.TotalMilliseconds).Select(i => i.Process).ToList();
            _idle.RemoveAll(i => ending.Contains(i.Process));
            _all.RemoveAll(ending.Contains);
        }

        ending.ForEach(End);
    }

    /// <summary>Closes a process's input, so it reports its peak memory and CPU time and exits.</summary>
    private void End(ReaderProcess process)
    {
        if (process.Finish() is { } end)
        {
            Interlocked.Add(ref _peakBytes, end.PeakBytes);
            Interlocked.Add(ref _cpuMicroseconds, (long)(end.CpuSeconds * 1e6));
        }

        process.Dispose();
    }

    /// <summary>Ends the reader processes: each finishes, reports its peak memory and CPU time, and exits.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _idleCheck?.Dispose();
        List<ReaderProcess> ending;
        lock (_gate)
        {
            ending = [.. _all];
            _all.Clear();
            _idle.Clear();
        }

        ending.ForEach(End);
    }

    /// <summary>One reader process and its pipes; used by one thread at a time.</summary>
    private sealed class ReaderProcess : IDisposable
    {
        /// <summary>Time a new process has to greet (start-up of a .NET program is well under a second).</summary>
        private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

        private readonly Process _process;
        private readonly BinaryWriter _requests;
        private readonly BinaryReader _answers;
        private readonly Queue<string> _errorTail = new();
        private int _state; // Idle, Reading or Killed: a time-out that fires as the answer arrives must not kill unseen

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

        public static ReaderProcess Start(ReaderProcessCommand command)
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
}
