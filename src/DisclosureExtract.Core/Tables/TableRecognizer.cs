using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// Finds the budget tables of a document and maps their rows onto codes and columns. Tables are segmented and
/// their rows assembled first (<see cref="TableBodyReader"/>); columns are then assigned table by table, each after the
/// tables the catalog's hints take values from (表7 before 表5 before 表3; 表1 before 表2; 表5 before 表4).
/// </summary>
public static class TableRecognizer
{
    /// <summary>
    /// The scratch space of the last recognition on this thread, taken by the next one (a nested or failed one
    /// makes its own). Scratch holds no result between documents (see <see cref="TableScratch"/>).
    /// </summary>
    [ThreadStatic]
    private static TableScratch? t_idle;

    public static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, IReadOnlyList<DocumentPart> parts) =>
        Recognize(doc, parts, Catalogs.Budget);

    /// <summary>Where the tables of a document of the catalog's kind are: each table's lines (start, end exclusive), in order.</summary>
    public static IReadOnlyList<(int Start, int End)> Spans(SourceDocument doc, DisclosureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(catalog);
        return TableSegmenter.Find(doc, [], catalog).Select(s => (s.Start, s.End)).ToList();
    }

    /// <summary>The tables of a document of the catalog's kind.</summary>
    public static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, IReadOnlyList<DocumentPart> parts, DisclosureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(catalog);
        return Recognize(doc, catalog, TableSegmenter.Find(doc, parts, catalog));
    }

    /// <summary>
    /// The catalog of a document's kind, judged by its tables: the catalog that knows more of the document's table
    /// titles (kinds, not counting tables it does not know) is the document's; where they know as many (none, say), the
    /// word of the document's title decides (<paramref name="kindWord"/>: 预算, 决算 or null for budgets). Never the file name.
    /// </summary>
    public static DisclosureCatalog CatalogFor(SourceDocument doc, string? kindWord) => Located(doc, kindWord).Catalog;

    /// <summary>
    /// The document's tables located once (the segments do not depend on the parts): the catalog of its kind (see
    /// <see cref="CatalogFor"/>), where its tables are, and, given the parts, its tables read from those segments.
    /// </summary>
    public sealed class Location
    {
        private readonly SourceDocument _doc;
        private readonly List<TableSegment> _segments;

        internal Location(SourceDocument doc, DisclosureCatalog catalog, List<TableSegment> segments)
        {
            _doc = doc;
            Catalog = catalog;
            _segments = segments;
        }

        public DisclosureCatalog Catalog { get; }

        /// <summary>Each table's lines (start, end exclusive), in order.</summary>
        public IReadOnlyList<(int Start, int End)> Spans => _segments.Select(s => (s.Start, s.End)).ToList();

        /// <summary>The tables read from the segments.</summary>
        public (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize() => TableRecognizer.Recognize(_doc, Catalog, _segments);
    }

    /// <summary>The catalog of the document's kind with its tables located (each catalog's segments found once).</summary>
    public static Location Located(SourceDocument doc, string? kindWord)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var chosen = Catalogs.For(kindWord);
        var (contents, contentLines) = (Parts.Contents.Pages(doc), Parts.Contents.Lines(doc));
        var chosenSegments = TableSegmenter.Find(doc, chosen, contents, contentLines);
        var chosenKnown = KnownKinds(chosenSegments);
        foreach (var other in Catalogs.All)
        {
            if (ReferenceEquals(other, chosen))
            {
                continue;
            }

            var segments = TableSegmenter.Find(doc, other, contents, contentLines);
            var known = KnownKinds(segments);
            if (known > chosenKnown)
            {
                (chosen, chosenKnown, chosenSegments) = (other, known, segments);
            }
        }

        return new Location(doc, chosen, chosenSegments);
    }

    /// <summary>How many of the catalog's table kinds the segments are (a table continued over pages once; other tables not).</summary>
    private static int KnownKinds(List<TableSegment> segments)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in segments)
        {
            if (s.Kind.Shape != TableShape.Other)
            {
                kinds.Add(s.Kind.Key);
            }
        }

        return kinds.Count;
    }

    private static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, DisclosureCatalog catalog, List<TableSegment> segments)
    {
        var scratch = t_idle ?? new TableScratch();
        t_idle = null;
        var result = Recognize(doc, catalog, segments, scratch);
        scratch.Release();
        t_idle = scratch;
        return result;
    }

    private static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, DisclosureCatalog catalog, List<TableSegment> segments, TableScratch scratch)
    {
        var findings = new List<Finding>();
        var bodies = new List<(TableSegment Seg, TableBody Body)>(segments.Count);
        foreach (var s in segments)
        {
            bodies.Add((s, TableBodyReader.Read(doc, s, catalog, scratch)));
        }

        var names = ItemNames(bodies);

        var search = scratch.Search;
        var widest = 0;
        foreach (var s in segments)
        {
            widest = Math.Max(widest, s.Kind.Columns.Count);
        }

        search.Reserve(widest);
        var solved = new Dictionary<string, BudgetTable>(StringComparer.Ordinal);
        var built = new List<BudgetTable>();
        var order = SolveOrder(catalog);
        foreach (var (seg, body) in bodies.OrderBy(b => order.GetValueOrDefault(b.Seg.Kind.Key, order.Count)).ThenBy(b => b.Seg.Start))
        {
            var table = new TableBuilder(doc, seg, body, findings, names, catalog, scratch).Build(solved);
            solved.TryAdd(seg.Kind.Key, table);
            built.Add(table);
        }

        return (built.OrderBy(t => t.StartLine).ToList(), findings);
    }

    /// <summary>Table kinds in an order where every hint's source comes before its target (ties in catalog order).</summary>
    private static Dictionary<string, int> SolveOrder(DisclosureCatalog catalog)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = catalog.Tables.Select(t => t.Key).ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(k => !catalog.Hints.Any(h => h.Target.Table == k && h.Source.Table != k && pending.Contains(h.Source.Table))) ?? pending[0];
            order[next] = order.Count;
            pending.Remove(next);
        }

        return order;
    }

    /// <summary>Code → item name as printed in the function-classification tables (to split 表7's name from its project).</summary>
    private static Dictionary<string, string> ItemNames(IEnumerable<(TableSegment Seg, TableBody Body)> bodies)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (seg, body) in bodies)
        {
            if (seg.Kind.Projects || seg.Kind.Classification != "function" || seg.Kind.Shape != TableShape.Coded)
            {
                continue;
            }

            foreach (var r in body.Rows)
            {
                if (r.Code is { } c)
                {
                    var n = Text.TextNormalizer.RemoveWhiteSpace(r.CellName ?? r.JoinedText);
                    if (n.Length > 0)
                    {
                        names.TryAdd(c, n);
                    }
                }
            }
        }

        return names;
    }
}
