using DisclosureExtract.Model;

namespace DisclosureExtract.Pipeline;

/// <summary>
/// Converts many files in parallel with a bounded degree. Results are handed to a callback as they
/// finish and not kept, so memory does not grow with the batch; the callback must be thread-safe.
/// </summary>
/// <remarks>
/// Each worker thread converts its documents itself, one after another (no hand-over to another thread per
/// document: at 5 ms a document the two thread switches and the spinning of the waiting thread cost a CPU's
/// worth of time on one core). A watchdog enforces the time limit: a document that overruns it is reported as
/// failed ("time limit: …"), its thread is abandoned — a .NET thread cannot be stopped; the stage holds no
/// shared state — and a new worker takes its place, so the batch goes on at the same degree.
/// </remarks>
public sealed class BatchConverter
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly DisclosurePipeline _pipeline;

    public BatchConverter(DisclosurePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    public void ConvertAll(IReadOnlyList<InputFile> inputs, int degreeOfParallelism, Action<ConversionResult> onDone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(onDone);
        if (inputs.Count == 0)
        {
            return;
        }

        using var run = new Run(_pipeline, inputs, onDone, cancellationToken);
        for (var w = 0; w < Math.Min(Math.Max(1, degreeOfParallelism), inputs.Count); w++)
        {
            run.StartWorker();
        }

        run.WatchUntilDone(_pipeline.Options.Timeout);
    }

    /// <summary>One call of <see cref="ConvertAll"/>: the queue of inputs, the workers' slots and the watchdog.</summary>
    private sealed class Run : IDisposable
    {
        private readonly DisclosurePipeline _pipeline;
        private readonly IReadOnlyList<InputFile> _inputs;
        private readonly Action<ConversionResult> _onDone;
        private readonly CancellationToken _cancel;
        private readonly List<Slot> _slots = [];
        private readonly Lock _gate = new();
        private readonly ManualResetEventSlim _finished = new(false);
        private int _next = -1;
        private int _running;
        private Exception? _failure;

        public Run(DisclosurePipeline pipeline, IReadOnlyList<InputFile> inputs, Action<ConversionResult> onDone, CancellationToken cancel)
        {
            _pipeline = pipeline;
            _inputs = inputs;
            _onDone = onDone;
            _cancel = cancel;
        }

        public void StartWorker()
        {
            var slot = new Slot();
            lock (_gate)
            {
                _slots.Add(slot);
                _running++;
            }

            new Thread(() => Work(slot)) { IsBackground = true, Name = "convert" }.Start();
        }

        /// <summary>Waits until every worker has stopped, reporting overrunning documents as failed and replacing their workers;
        /// then rethrows a failure of the callback, or the cancellation.</summary>
        public void WatchUntilDone(TimeSpan limit)
        {
            while (!_finished.Wait(WatchInterval))
            {
                var now = Environment.TickCount64;
                List<Slot> overdue;
                lock (_gate)
                {
                    overdue = _slots.Where(s => s.Index >= 0 && now - s.StartedAt > limit.TotalMilliseconds).ToList();
                }

                foreach (var slot in overdue)
                {
                    var index = slot.Index;
                    if (index >= 0 && slot.Abandon(index))
                    {
                        try
                        {
                            Report(_pipeline.TimedOut(_inputs[index]));
                        }
#pragma warning disable CA1031 // as in Work: the callback's failure ends the batch and is rethrown below
                        catch (Exception ex)
#pragma warning restore CA1031
                        {
                            Interlocked.CompareExchange(ref _failure, ex, null);
                        }

                        if (_failure is null && !_cancel.IsCancellationRequested)
                        {
                            StartWorker();
                        }

                        WorkerGone(slot); // the abandoned thread ends without touching the run if it ever finishes
                    }
                }
            }

            if (_failure is not null)
            {
                throw new AggregateException(_failure);
            }

            _cancel.ThrowIfCancellationRequested();
        }

        public void Dispose() => _finished.Dispose();

        private void Work(Slot slot)
        {
            try
            {
                while (_failure is null && !_cancel.IsCancellationRequested)
                {
                    var index = Interlocked.Increment(ref _next);
                    if (index >= _inputs.Count)
                    {
                        break;
                    }

                    slot.Begin(index);
                    var result = _pipeline.ConvertWithoutTimeLimit(_inputs[index]);
                    if (!slot.End(index))
                    {
                        return; // the watchdog reported this document as overrun and started another worker
                    }

                    Report(result);
                }
            }
#pragma warning disable CA1031 // a failure of the callback (e.g. the disk is full) ends the batch: rethrown by WatchUntilDone
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
            }

            WorkerGone(slot);
        }

        /// <summary>A worker stopped (no work left, a failure, cancellation) or was abandoned: when none is left, the run is over.</summary>
        private void WorkerGone(Slot slot)
        {
            lock (_gate)
            {
                _slots.Remove(slot);
                _running--;
                if (_running == 0)
                {
                    _finished.Set();
                }
            }
        }

        private void Report(ConversionResult result) => _onDone(result);
    }

    /// <summary>What one worker is converting and since when; the worker and the watchdog each claim the end once.</summary>
    private sealed class Slot
    {
        private long _state = -1; // the index being converted, or -1

        public int Index => (int)Interlocked.Read(ref _state);

        public long StartedAt { get; private set; }

        public void Begin(int index)
        {
            StartedAt = Environment.TickCount64;
            Interlocked.Exchange(ref _state, index);
        }

        /// <summary>The worker finished the document: true unless the watchdog claimed it first.</summary>
        public bool End(int index) => Interlocked.CompareExchange(ref _state, -1, index) == index;

        /// <summary>The watchdog gives the document up: true unless the worker finished it first.</summary>
        public bool Abandon(int index) => Interlocked.CompareExchange(ref _state, -2, index) == index;
    }
}
