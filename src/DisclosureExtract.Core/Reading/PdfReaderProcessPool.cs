using DisclosureExtract.Model;

namespace DisclosureExtract.Reading;

/// <summary>
/// Reads PDFs in separate processes (<see cref="PdfReaderServer"/>), at most <c>processes</c> at once, each process
/// reading one file after another. PdfPig 0.1.16 takes one process-wide lock for every operator of every page's content
/// (<c>OperatorToken</c>'s name pool), so threads of one process reading PDFs queue on it; processes do not share it.
/// The document is the one <see cref="PdfDocumentReader"/> makes in this process (same code, exact transfer).
/// A process that dies while reading (a crash in the PDF library, or one killed after the time limit) fails only that
/// file, with a message saying so, and the next file starts a new process. Processes start when first needed.
/// Used when asked (`convert --pdf-processes`, `Worker:PdfProcesses`): each process costs its own runtime and heap, and
/// with the server collector two jobs read faster in one process on two cores (README, "PDF reader processes").
/// </summary>
public sealed class PdfReaderProcessPool : IDocumentReader, IDisposable
{
    private readonly ProgramCommand _command;
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
    public PdfReaderProcessPool(ProgramCommand command, int processes, TimeSpan timeLimit, TimeSpan? idleLimit = null)
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
        }

        foreach (var p in ending)
        {
            End(p); // counted as running until it has reported and exited
            lock (_gate)
            {
                _all.Remove(p);
            }
        }
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
            _idle.Clear();
        }

        ending.ForEach(End);
        lock (_gate)
        {
            _all.Clear();
        }
    }
}
