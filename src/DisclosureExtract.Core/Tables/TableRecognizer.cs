using DisclosureExtract.Model;

namespace DisclosureExtract.Tables;

/// <summary>Finds the budget tables of a document and maps their rows onto codes and columns.</summary>
public static class TableRecognizer
{
    public static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, IReadOnlyList<DocumentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        return ([], []);
    }
}
