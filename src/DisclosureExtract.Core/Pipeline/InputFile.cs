namespace DisclosureExtract.Pipeline;

/// <summary>A file to convert and the document id it gets in the batch.</summary>
/// <param name="SkipReason">Set when the path cannot be converted at all (a symbolic link loop, a folder that
/// cannot be listed): it still gets a row in documents.csv with this reason.</param>
public sealed record InputFile(string Path, string DocumentId, string? SkipReason = null);
