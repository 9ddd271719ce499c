namespace DisclosureExtract.Pipeline;

/// <summary>A file to convert and the document id it gets in the batch.</summary>
public sealed record InputFile(string Path, string DocumentId);
