namespace DisclosureExtract.Validation;

/// <summary>One printed number that, changed by <see cref="Delta"/> (in its own unit), makes every failed equation of its group hold and breaks none.</summary>
internal sealed record Explanation(Cell Cell, decimal Delta)
{
    public decimal Corrected => Cell.Value + Delta;
}

/// <summary>Failed equations that share printed numbers, and the single numbers that would explain them all.</summary>
internal sealed class FailureGroup
{
    public List<Equation> Failed { get; } = [];

    public List<Explanation> Explanations { get; } = [];

    public Explanation? Culprit => Explanations.Count == 1 ? Explanations[0] : null;
}

/// <summary>
/// Root cause: failed equations are grouped when they share a printed number (connected components). For a group, every
/// number of its failed equations is tried as the one wrong number: the correction it would need must make every failed
/// equation of the group hold (so the number is in all of them, and they agree on the correction within their rounding)
/// and must leave every equation it is in that passes passing. One such number is the culprit; several are ambiguous.
/// </summary>
internal static class RootCause
{
    public static List<FailureGroup> Analyze(IReadOnlyList<Equation> equations) => Components(equations, Outcome.Fails, explain: true);

    /// <summary>Equations of one outcome grouped by shared cells, in order of their first equation.</summary>
    public static List<FailureGroup> Components(IReadOnlyList<Equation> equations, Outcome outcome, bool explain)
    {
        var selected = equations.Where(e => e.Outcome == outcome).ToList();
        var parent = Enumerable.Range(0, selected.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var firstOf = new Dictionary<Cell, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < selected.Count; i++)
        {
            foreach (var t in selected[i].Terms)
            {
                if (firstOf.TryGetValue(t.Cell, out var j))
                {
                    var (a, b) = (Find(i), Find(j));
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
                else
                {
                    firstOf[t.Cell] = i;
                }
            }
        }

        var groups = new Dictionary<int, FailureGroup>();
        var ordered = new List<FailureGroup>();
        for (var i = 0; i < selected.Count; i++)
        {
            var root = Find(i);
            if (!groups.TryGetValue(root, out var g))
            {
                g = new FailureGroup();
                groups[root] = g;
                ordered.Add(g);
            }

            g.Failed.Add(selected[i]);
        }

        if (explain && ordered.Count > 0)
        {
            var byCell = EquationsOfCells(equations, firstOf);
            foreach (var g in ordered)
            {
                Explain(g, byCell);
            }
        }

        return ordered;
    }

    /// <summary>Every equation that reads each of <paramref name="cells"/> (the cells of the selected equations: a
    /// document has thousands of equations and few failures, so the others' cells are not indexed).</summary>
    private static Dictionary<Cell, List<Equation>> EquationsOfCells(IReadOnlyList<Equation> equations, Dictionary<Cell, int> cells)
    {
        var byCell = new Dictionary<Cell, List<Equation>>(ReferenceEqualityComparer.Instance);
        foreach (var e in equations)
        {
            foreach (var t in e.Terms)
            {
                if (!cells.ContainsKey(t.Cell))
                {
                    continue;
                }

                if (!byCell.TryGetValue(t.Cell, out var list))
                {
                    list = [];
                    byCell[t.Cell] = list;
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], e))
                {
                    list.Add(e);
                }
            }
        }

        return byCell;
    }

    private static void Explain(FailureGroup g, Dictionary<Cell, List<Equation>> byCell)
    {
        var tried = new HashSet<Cell>(ReferenceEqualityComparer.Instance);
        foreach (var e in g.Failed)
        {
            foreach (var t in e.Terms)
            {
                if (tried.Add(t.Cell) && Try(t.Cell, g, byCell[t.Cell]) is { } x)
                {
                    g.Explanations.Add(x);
                }
            }
        }
    }

    /// <summary>The correction of this cell that makes the group's failed equations hold and keeps its other equations passing, or null.</summary>
    internal static Explanation? Try(Cell cell, FailureGroup g, List<Equation> equationsOfCell)
    {
        foreach (var f in g.Failed)
        {
            if (f.CoefOf(cell) == 0m)
            {
                return null; // a number that a failed equation does not read cannot fix it
            }
        }

        decimal? low = null, high = null;
        foreach (var e in equationsOfCell)
        {
            var a = e.CoefOf(cell);
            if (a == 0m)
            {
                continue;
            }

            // the residual after the correction, r + a·δ, must stay in the equation's band
            var r = e.Residual;
            var (bandLow, bandHigh) = e.Band;
            decimal? lo = bandLow is { } bl ? (bl - r) / a : null;
            decimal? hi = (bandHigh - r) / a;
            if (a < 0m)
            {
                (lo, hi) = (hi, lo);
            }

            if (lo is { } l && (low is null || l > low))
            {
                low = l;
            }

            if (hi is { } h && (high is null || h < high))
            {
                high = h;
            }

            if (low is { } x && high is { } y && x > y)
            {
                return null;
            }
        }

        // the cleanest correction: one that makes a failed equation exact, the smallest first
        decimal? best = null;
        foreach (var f in g.Failed)
        {
            var d = -f.Residual / f.CoefOf(cell);
            if ((low is null || d >= low) && (high is null || d <= high) && (best is null || Math.Abs(d) < Math.Abs(best.Value)))
            {
                best = d;
            }
        }

        var delta = best ?? Math.Clamp(0m, low ?? decimal.MinValue, high ?? decimal.MaxValue);
        return delta == 0m ? null : new Explanation(cell, delta);
    }
}
