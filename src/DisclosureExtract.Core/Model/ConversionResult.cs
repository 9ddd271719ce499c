namespace DisclosureExtract.Model;

/// <summary>converted: everything read; partial: read, but something expected is missing; failed: nothing usable.</summary>
public enum ConversionStatus
{
    Converted,
    Partial,
    Failed,
}

/// <summary>Everything the pipeline learned about one input file.</summary>
public sealed record ConversionResult(
    string DocumentId,
    string SourceFile,
    SourceFormat? Format,
    string? Sha256,
    ConversionStatus Status,
    string? Error,
    SourceDocument? Source,
    IReadOnlyList<DocumentPart> Parts,
    DocumentFacts? Facts,
    IReadOnlyList<BudgetTable> Tables,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>budget or final_accounts: the kind of disclosure, from its title and its tables; null when not read.</summary>
    public string? Kind { get; init; }

    /// <summary>The explanation part (第三部分) as data; null when not extracted.</summary>
    public ExplanationData? Explanation { get; init; }

    public static string StatusKey(ConversionStatus s) => s switch
    {
        ConversionStatus.Converted => "converted",
        ConversionStatus.Partial => "partial",
        ConversionStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static ConversionResult Failure(string documentId, string sourceFile, SourceFormat? format, string? sha256, string error) =>
        new(documentId, sourceFile, format, sha256, ConversionStatus.Failed, error, null, [], null, [], []);
}
