using DisclosureExtract.Model;

namespace DisclosureExtract.Reading;

/// <summary>A reader turns one input format into the shared document model.</summary>
public interface IDocumentReader
{
    SourceFormat Format { get; }

    /// <summary>Reads the document. Throws <see cref="InputException"/> with a specific message when the input cannot be read.</summary>
    SourceDocument Read(string documentId, string path, byte[] bytes, string sha256);
}
