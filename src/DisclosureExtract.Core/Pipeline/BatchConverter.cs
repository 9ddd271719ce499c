using DisclosureExtract.Model;

namespace DisclosureExtract.Pipeline;

/// <summary>Converts many files in parallel with a bounded degree; results come back in input order.</summary>
public sealed class BatchConverter
{
    private readonly DisclosurePipeline _pipeline;

    public BatchConverter(DisclosurePipeline pipeline)
    {
        _pipeline = pipeline;
    }

    public IReadOnlyList<ConversionResult> ConvertAll(IReadOnlyList<InputFile> inputs, int degreeOfParallelism, Action<ConversionResult>? onDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new ConversionResult[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degreeOfParallelism), CancellationToken = cancellationToken }, i =>
        {
            results[i] = _pipeline.Convert(inputs[i]);
            onDone?.Invoke(results[i]);
        });
        return results;
    }
}
