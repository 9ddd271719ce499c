using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Reference;

namespace DisclosureExtract.Validation;

/// <summary>
/// Checks the arithmetic of the tables, the tables against each other and the text against the tables — every check
/// one equation over printed numbers, from the catalog (<see cref="TableEquations"/>, <see cref="TextEquations"/>) —
/// groups the failed equations by root cause (<see cref="RootCause"/>), and checks the names of codes and implausible
/// values. Runs on the document model after recognition; never changes a number. Check ids: <see cref="CheckIds"/>;
/// rounding: <see cref="Tolerance"/>; roles: <see cref="Roles"/>.
/// </summary>
public static class Validator
{
    public static IReadOnlyList<Finding> Validate(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DocumentFacts facts, IReadOnlyList<BudgetTable> tables) =>
        Validate(doc, parts, facts, tables, null, null);

    /// <param name="doc">The document (its lines are what findings point to and quote).</param>
    /// <param name="parts">The document's parts.</param>
    /// <param name="facts">Facts about the document (its scope decides how 机关运行经费 compares with 公用经费).</param>
    /// <param name="tables">The recognized tables.</param>
    /// <param name="text">Figures of 第三部分 from the explanation extractor, or null to skip the text checks.</param>
    /// <param name="catalog">The reference catalog of code names; null for the embedded one.</param>
    /// <param name="tableCatalog">The catalog of table kinds, rules and identities; null for the one the tables' keys belong to.</param>
    public static IReadOnlyList<Finding> Validate(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DocumentFacts facts, IReadOnlyList<BudgetTable> tables,
        TextFigures? text, ReferenceCatalog? catalog = null, DisclosureCatalog? tableCatalog = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tables);
        return Run(new TableSet(tables, tableCatalog ?? CatalogOf(tables), doc.Lines), text, catalog, facts);
    }

    /// <summary>All checks on the tables (and the text figures when given), without the document's lines and facts.</summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<BudgetTable> tables, TextFigures? text = null, ReferenceCatalog? catalog = null, DocumentFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return Run(new TableSet(tables, CatalogOf(tables)), text, catalog, facts);
    }

    /// <summary>The catalog that knows most of the tables' keys (the budget catalog when none does).</summary>
    public static DisclosureCatalog CatalogOf(IReadOnlyList<BudgetTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var best = Catalogs.Budget;
        var bestCount = -1;
        foreach (var c in Catalogs.All)
        {
            var count = tables.Count(t => c.ByKey(t.TableKey) is not null);
            if (count > bestCount)
            {
                (best, bestCount) = (c, count);
            }
        }

        return best;
    }

    /// <summary>The equations of a document, evaluated (for tests and tools that ask which checks read a printed number).</summary>
    internal static (IReadOnlyList<Equation> Equations, IReadOnlyList<Finding> Notes) Equations(TableSet set, TextFigures? text, DocumentFacts? facts)
    {
        var (equations, notes, _) = Build(set, text, facts);
        return (equations, notes.Findings);
    }

    private static (List<Equation> Equations, Notes Notes, TextEquations? Text) Build(TableSet set, TextFigures? text, DocumentFacts? facts)
    {
        var cells = new CellIndex();
        var equations = new List<Equation>();
        var notes = new Notes();
        new TableEquations(set, cells, equations, notes).AddAll();
        var textChecks = text is null ? null : new TextEquations(set, cells, equations, notes, text, facts);
        textChecks?.AddAll();
        return (equations, notes, textChecks);
    }

    private static List<Finding> Run(TableSet set, TextFigures? text, ReferenceCatalog? catalog, DocumentFacts? facts)
    {
        var (equations, notes, textChecks) = Build(set, text, facts);
        var group = 0;
        var failedCells = new Dictionary<Cell, (int Group, Explanation? Culprit)>(ReferenceEqualityComparer.Instance);
        var findings = Report.Arithmetic(set, equations, ref group, failedCells);
        findings.AddRange(Placement.Run(set));
        if (textChecks is not null)
        {
            findings.AddRange(textChecks.Shares(ref group, failedCells));
            findings.AddRange(textChecks.Unmatched);
            foreach (var f in ChangeRateCheck.Run(text!, set.Sentence))
            {
                // the rate, the change or the amount of one sentence: which of them is wrong, arithmetic cannot tell
                findings.Add(f with { Group = ++group, Role = f.Severity == Severity.Error ? Roles.Ambiguous : Roles.Rounding });
            }
        }

        findings.AddRange(notes.Findings);
        findings.AddRange(NameCheck.Run(set, text, catalog ?? ReferenceCatalog.Default));
        findings.AddRange(PlausibilityCheck.Run(set, text));
        return findings;
    }
}
