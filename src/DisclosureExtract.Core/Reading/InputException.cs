namespace DisclosureExtract.Reading;

/// <summary>
/// The input cannot be read as a disclosure. The message is the specific, user-facing reason
/// ("empty file", "binary data, not a text document", "encrypted PDF") that goes to documents.csv.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InputException()
    {
    }
}
