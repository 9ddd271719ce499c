namespace DisclosureExtract.Pipeline;

/// <summary>Limits that protect a batch from one pathological file. A document that hits one fails with a message naming it.</summary>
/// <param name="MaxFileBytes">Larger files are not read.</param>
/// <param name="MaxPages">PDFs with more pages are not read.</param>
/// <param name="Timeout">Time allowed for one document.</param>
public sealed record ConvertOptions(long MaxFileBytes, int MaxPages, TimeSpan Timeout)
{
    public static ConvertOptions Default { get; } = new(100L * 1024 * 1024, 500, TimeSpan.FromSeconds(60));
}
