using DisclosureExtract.Model;
using DisclosureExtract.Reference;

namespace DisclosureExtract.Validation;

/// <summary>
/// Checks the arithmetic of the tables, the tables against each other, the text against the tables, the names of
/// codes, and implausible values. Runs on the document model after recognition; never changes a number.
/// Check ids: see <see cref="CheckIds"/>; tolerance: see <see cref="Tolerance"/>.
/// </summary>
public static class Validator
{
    public static IReadOnlyList<Finding> Validate(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DocumentFacts facts, IReadOnlyList<BudgetTable> tables) =>
        Validate(doc, parts, facts, tables, null, null);

    /// <param name="doc">The document (its lines are what findings point to).</param>
    /// <param name="parts">The document's parts.</param>
    /// <param name="facts">Facts about the document.</param>
    /// <param name="tables">The recognized tables.</param>
    /// <param name="text">Figures of 第三部分 from the explanation extractor, or null to skip the text checks.</param>
    /// <param name="catalog">The reference catalog; null for the embedded one.</param>
    public static IReadOnlyList<Finding> Validate(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DocumentFacts facts, IReadOnlyList<BudgetTable> tables,
        TextFigures? text, ReferenceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tables);
        return Run(new TableSet(tables, doc.Lines), text, catalog);
    }

    /// <summary>All checks on the tables (and the text figures when given).</summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<BudgetTable> tables, TextFigures? text = null, ReferenceCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return Run(new TableSet(tables), text, catalog);
    }

    private static List<Finding> Run(TableSet set, TextFigures? text, ReferenceCatalog? catalog)
    {
        var findings = new List<Finding>();
        findings.AddRange(RowIdentityCheck.Run(set));
        findings.AddRange(HierarchyCheck.Run(set));
        findings.AddRange(SummaryCheck.Run(set));
        findings.AddRange(CrossTableCheck.Run(set));
        if (text is not null)
        {
            findings.AddRange(TextCheck.Run(set, text));
            findings.AddRange(ChangeRateCheck.Run(text));
        }

        findings.AddRange(NameCheck.Run(set, text, catalog ?? ReferenceCatalog.Default));
        findings.AddRange(PlausibilityCheck.Run(set, text));
        return findings;
    }
}
