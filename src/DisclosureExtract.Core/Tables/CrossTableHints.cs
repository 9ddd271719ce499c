using DisclosureExtract.Catalog;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Tables;

/// <summary>
/// What the document's other tables say about a table's cells while its numbers are assigned to columns: the
/// catalog's hints (expected values, e.g. 表7 tells which 项 are project spending and how much; 表1's income rows are
/// 表2's 合计 row) and plausibility priors (the economic class of a row, a name that names a fund subsidy).
/// Row ids: the code, "#total" for the 合计 row, or the row_key.
/// </summary>
internal sealed class CrossTableHints
{
    public const string TotalRow = "#total";

    /// <summary>Expected column values for a row; applies only when the row's first amount equals WhenTotal (if set).</summary>
    public sealed record Expectation(decimal? WhenTotal, PerColumn<decimal> Values);

    public Dictionary<string, Expectation> Expected { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PerColumn<double>> Bonus { get; } = new(StringComparer.Ordinal);

    private readonly TableKind _kind;
    private readonly DisclosureCatalog _catalog;

    private CrossTableHints(TableKind kind, DisclosureCatalog catalog)
    {
        _kind = kind;
        _catalog = catalog;
    }

    public static CrossTableHints For(TableKind kind, DisclosureCatalog catalog, IReadOnlyDictionary<string, BudgetTable> solved, IReadOnlyList<RawRow> rows)
    {
        var h = new CrossTableHints(kind, catalog);
        foreach (var hint in catalog.Hints)
        {
            if (hint.Target.Table == kind.Key && hint.Source.Table != kind.Key && solved.TryGetValue(hint.Source.Table, out var source) && !source.IsEmpty)
            {
                h.Apply(hint, source, rows);
            }
        }

        h.Priors(rows);
        return h;
    }

    /// <summary>The hints a two-sided table gives itself: its income side's rows are its expenditure total per column.</summary>
    public void FromOwnIncome(IReadOnlyList<TableRow> incomeRows)
    {
        foreach (var hint in _catalog.Hints)
        {
            if (hint.Target.Table == _kind.Key && hint.Source.Table == _kind.Key)
            {
                FromKeyRows(hint, incomeRows);
            }
        }
    }

    private static string RowId(TableRow r) => r.Code ?? (r.RowKey is "total" or "expenditure_total" ? TotalRow : r.RowKey ?? string.Empty);

    private static string TargetRowId(string row) => row is "total" or "expenditure_total" ? TotalRow : row;

    private void Apply(Hint hint, BudgetTable source, IReadOnlyList<RawRow> rows)
    {
        var column = hint.Target.Columns[0];
        if (hint.Bonus > 0)
        {
            foreach (var (id, value) in CodeValues(source, hint.Source.Columns[0]))
            {
                if (value != 0)
                {
                    Prefer(id, column, hint.Bonus);
                }
            }

            return;
        }

        switch (hint.Rows)
        {
            case RowPairing.Cell:
                FromKeyRows(hint, source.Rows);
                break;
            case RowPairing.Classes:
                foreach (var r in source.Rows)
                {
                    if (r.Code is { Length: 3 } && OnSide(r, hint.Source.Side))
                    {
                        Expect(r.Code, column, r.AmountIn(hint.Source.Columns[0]) ?? 0);
                    }
                }

                break;
            case RowPairing.CodesAndTotal when hint.WhenTotalEqual:
                foreach (var r in source.Rows)
                {
                    if (r.AmountIn("total") is { } total)
                    {
                        Expect(RowId(r), column, r.AmountIn(hint.Source.Columns[0]) ?? 0, total);
                    }
                }

                break;
            default:
                FromCodes(hint, source, rows, column);
                break;
        }
    }

    /// <summary>Per code of the source (a table with project rows sums them), and 0 for the target's codes it does not list when missing means zero.</summary>
    private void FromCodes(Hint hint, BudgetTable source, IReadOnlyList<RawRow> rows, string column)
    {
        if (hint.MissingIsZero && !source.Rows.Any(r => r.Code is { Length: 7 }))
        {
            return; // a source that does not go down to 项 cannot say which 项 have nothing
        }

        foreach (var (id, value) in CodeValues(source, hint.Source.Columns[0]))
        {
            Expect(id, column, value);
        }

        if (!hint.MissingIsZero)
        {
            return;
        }

        foreach (var r in rows)
        {
            if (r.Code is { } c && !Expected.ContainsKey(c))
            {
                Expect(c, column, 0);
            }
        }
    }

    /// <summary>The sum of the source's key rows (all must be printed) is the target cell.</summary>
    private void FromKeyRows(Hint hint, IEnumerable<TableRow> sourceRows)
    {
        var byKey = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        foreach (var r in sourceRows)
        {
            if (r.RowKey is { } k && OnSide(r, hint.Source.Side))
            {
                byKey.TryAdd(k, r);
            }
        }

        if (hint.Source.RowKeys.Count == 0 || !hint.Source.RowKeys.All(byKey.ContainsKey))
        {
            return;
        }

        var sum = hint.Source.RowKeys.Sum(k => byKey[k].AmountIn(hint.Source.Columns[0]) ?? 0);
        Expect(TargetRowId(hint.Target.Row ?? "total"), hint.Target.Columns[0], sum);
    }

    private static bool OnSide(TableRow r, string? side) => side is null || r.Side is null || r.Side == side;

    /// <summary>Per row id in the order first seen: the sum over its rows with a project, else the first row's amount.</summary>
    private static Dictionary<string, decimal> CodeValues(BudgetTable t, string column)
    {
        var first = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        var projects = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var r in t.Rows)
        {
            if (r.Code is null && r.RowKey != "total")
            {
                continue;
            }

            var id = RowId(r);
            if (first.TryAdd(id, r))
            {
                ids.Add(id);
            }

            if (r.ProjectName is not null)
            {
                projects[id] = projects.GetValueOrDefault(id) + (r.AmountIn(column) ?? 0);
            }
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            values[id] = projects.TryGetValue(id, out var sum) ? sum : first[id].AmountIn(column) ?? 0;
        }

        return values;
    }

    private void Expect(string id, string column, decimal value, decimal? whenTotal = null)
    {
        if (!Expected.TryGetValue(id, out var e))
        {
            e = new Expectation(whenTotal, new PerColumn<decimal>());
            Expected[id] = e;
        }

        e.Values.Set(column, value);
    }

    private void Prefer(string id, string column, double bonus)
    {
        if (!Bonus.TryGetValue(id, out var d))
        {
            d = new PerColumn<double>();
            Bonus[id] = d;
        }

        d.Set(column, d.Get(column, 0) + bonus);
    }

    /// <summary>The kind's plausibility priors: by code prefix (人员经费 for 301/303 in 表6) and by name (基金的补助).</summary>
    private void Priors(IReadOnlyList<RawRow> rows)
    {
        foreach (var r in rows)
        {
            if (r.Code is not { Length: >= 3 } c)
            {
                continue;
            }

            foreach (var p in _kind.CodePriors)
            {
                if (p.Prefixes.Any(x => c.StartsWith(x, StringComparison.Ordinal)))
                {
                    Prefer(c, p.Column, p.Bonus);
                }
                else if (p.Otherwise is { } other)
                {
                    Prefer(c, other, p.Bonus);
                }
            }

            if (_kind.NamePriors.Count == 0 || Bonus.ContainsKey(c))
            {
                continue;
            }

            var name = TextNormalizer.RemoveWhiteSpace(r.CellName ?? r.JoinedText);
            foreach (var p in _kind.NamePriors)
            {
                if (p.Contains.Any(w => name.Contains(w, StringComparison.Ordinal)))
                {
                    Prefer(c, p.Column, p.Bonus);
                }
            }
        }
    }
}
