using DisclosureExtract.Model;

namespace DisclosureExtract.Pipeline;

/// <summary>
/// Converts many files in parallel with a bounded degree. Results are handed to a callback as they
/// finish and not kept, so memory does not grow with the batch; the callback must be thread-safe.
/// </summary>
public sealed class BatchConverter
{
    private readonly DisclosurePipeline _pipeline;

    public BatchConverter(DisclosurePipeline pipeline)
    {
        _pipeline = pipeline;
    }

    public void ConvertAll(IReadOnlyList<InputFile> inputs, int degreeOfParallelism, Action<ConversionResult> onDone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(onDone);
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degreeOfParallelism), CancellationToken = cancellationToken }, i =>
        {
            onDone(_pipeline.Convert(inputs[i]));
        });
    }
}
