using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// Finds the budget tables of a document and maps their rows onto codes and columns. Tables are segmented and
/// their rows assembled first (<see cref="TableBodyReader"/>); columns are then assigned table by table in an order
/// that lets later tables use earlier ones (表7 before 表5 before 表3; 表1 before 表2; 表5 before 表4).
/// </summary>
public static class TableRecognizer
{
    private static readonly int[] SolveOrder = [1, 7, 5, 3, 2, 4, 6, 10, 8, 9, 11];

    /// <summary>
    /// The scratch space of the last recognition on this thread, taken by the next one (a nested or failed one
    /// makes its own). Scratch holds no result between documents (see <see cref="TableScratch"/>).
    /// </summary>
    [ThreadStatic]
    private static TableScratch? t_idle;

    public static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, IReadOnlyList<DocumentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        var scratch = t_idle ?? new TableScratch();
        t_idle = null;
        var result = Recognize(doc, parts, scratch);
        scratch.Release();
        t_idle = scratch;
        return result;
    }

    private static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(SourceDocument doc, IReadOnlyList<DocumentPart> parts, TableScratch scratch)
    {
        var findings = new List<Finding>();
        var segments = TableSegmenter.Find(doc, parts);
        var bodies = new List<(TableSegment Seg, TableBody Body)>(segments.Count);
        foreach (var s in segments)
        {
            bodies.Add((s, TableBodyReader.Read(doc, s, scratch)));
        }

        var names = ItemNames(bodies);

        var search = scratch.Search;
        var widest = 0;
        foreach (var s in segments)
        {
            widest = Math.Max(widest, s.Kind.Columns.Count);
        }

        search.Reserve(widest);
        var solved = new Dictionary<int, BudgetTable>();
        var built = new List<BudgetTable>();
        foreach (var (seg, body) in bodies.OrderBy(b => Priority(b.Seg.Kind.Number)).ThenBy(b => b.Seg.Start))
        {
            var table = new TableBuilder(doc, seg, body, findings, names, scratch).Build(solved);
            solved.TryAdd(seg.Kind.Number, table);
            built.Add(table);
        }

        return (built.OrderBy(t => t.StartLine).ToList(), findings);
    }

    private static int Priority(int number)
    {
        var i = Array.IndexOf(SolveOrder, number);
        return i < 0 ? SolveOrder.Length : i;
    }

    /// <summary>Code → item name as printed in the function-classification tables (to split 表7's name from its project).</summary>
    private static Dictionary<string, string> ItemNames(IEnumerable<(TableSegment Seg, TableBody Body)> bodies)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (seg, body) in bodies)
        {
            if (seg.Kind.Number is 7 or 6 || seg.Kind.Shape != TableShape.Coded)
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
