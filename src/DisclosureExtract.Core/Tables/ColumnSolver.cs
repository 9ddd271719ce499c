namespace DisclosureExtract.Tables;

/// <summary>A score: hard evidence (arithmetic, other tables) first, plausibility only to break ties.</summary>
internal readonly record struct Score(double Hard, double Soft) : IComparable<Score>
{
    public const double TieTolerance = 0.25;

    public static Score operator +(Score a, Score b) => new(a.Hard + b.Hard, a.Soft + b.Soft);

    public static bool operator <(Score a, Score b) => a.CompareTo(b) < 0;

    public static bool operator >(Score a, Score b) => a.CompareTo(b) > 0;

    public static bool operator <=(Score a, Score b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Score a, Score b) => a.CompareTo(b) >= 0;

    public int CompareTo(Score other)
    {
        if (Math.Abs(Hard - other.Hard) >= 1e-9)
        {
            return Hard.CompareTo(other.Hard);
        }

        return Soft.CompareTo(other.Soft);
    }

    public bool TiesHard(Score other) => Math.Abs(Hard - other.Hard) < TieTolerance;
}

/// <summary>One row in the column search: its parent in the sum hierarchy, its candidate vectors and their local scores.</summary>
/// <param name="Parent">Index of the row this row sums into, or -1.</param>
/// <param name="Candidates">Candidate values per column (present columns, printed order), in units of 1/10000 (<see cref="ColumnSolver.Units"/>).</param>
/// <param name="Local">Score of each candidate from the row alone (row identities, other tables, plausibility).</param>
/// <param name="MatchOverride">When set, the vector its children are matched against instead of the row's own candidate (a printed row that contradicts itself).</param>
internal sealed record SolverRow(int Parent, IReadOnlyList<long[]> Candidates, IReadOnlyList<Score> Local, long[]? MatchOverride = null);

/// <summary>
/// Chooses one candidate per row so that the hierarchy holds in every column (项 → 款 → 类 → 合计): an exact
/// dynamic programme over the row tree. For each row and candidate, the best score of its subtree is the candidate's
/// local score plus the best combination of its children's candidates, scored by whether the children add up to
/// the row column by column. Children are combined through their running sums (states with equal sums merge;
/// the best few dozen are kept, see <see cref="StateSearch"/>), so the search stays small.
/// </summary>
internal static class ColumnSolver
{
    /// <summary>Amounts are compared as integers of 1/10000 (printed amounts have at most 4 decimals; more are rounded).</summary>
    public const decimal Scale = 10000m;

    public static long Units(decimal amount) => (long)decimal.Round(amount * Scale);

    /// <summary>Solves one table; <paramref name="search"/> is scratch space that may be reused for the next table.</summary>
    public static (int[] Choice, bool[] Ambiguous) Solve(IReadOnlyList<SolverRow> rows, int columns, StateSearch search)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(search);
        var n = rows.Count;
        var kids = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            kids[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            if (rows[i].Parent >= 0)
            {
                kids[rows[i].Parent].Add(i);
            }
        }

        var best = new Score[n][];
        var picks = new int[n][][];
        var tied = new bool[n][][];
        var vectors = rows.Select(r => r.Candidates.ToArray()).ToArray();
        var overrides = rows.Select(r => r.MatchOverride).ToArray();
        search.UseColumns(columns);
        foreach (var node in PostOrder(rows, kids))
        {
            SolveNode(node, rows, vectors, overrides[node], kids[node], search, best, picks, tied);
        }

        var choice = new int[n];
        var ambiguous = new bool[n];
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (rows[i].Parent >= 0)
            {
                continue;
            }

            var b = ArgMax(best[i]);
            choice[i] = b;
            ambiguous[i] = Enumerable.Range(0, best[i].Length).Any(c => c != b && best[i][c].TiesHard(best[i][b]));
            queue.Enqueue(i);
        }

        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            var ks = kids[p];
            for (var j = 0; j < ks.Count; j++)
            {
                var k = ks[j];
                choice[k] = picks[p][choice[p]][j];
                ambiguous[k] = tied[p][choice[p]][j] || (ambiguous[p] && rows[k].Candidates.Count > 1);
                queue.Enqueue(k);
            }
        }

        return (choice, ambiguous);
    }

    private static List<int> PostOrder(IReadOnlyList<SolverRow> rows, List<int>[] kids)
    {
        var order = new List<int>(rows.Count);
        var stack = new Stack<(int Node, bool Expanded)>();
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            if (rows[i].Parent < 0)
            {
                stack.Push((i, false));
            }
        }

        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                order.Add(node);
                continue;
            }

            stack.Push((node, true));
            foreach (var k in kids[node])
            {
                stack.Push((k, false));
            }
        }

        return order;
    }

    private static void SolveNode(int node, IReadOnlyList<SolverRow> rows, long[][][] vectors, long[]? matchOverride, List<int> ks, StateSearch search, Score[][] best, int[][][] picks, bool[][][] tied)
    {
        var row = rows[node];
        search.Start();
        foreach (var k in ks)
        {
            search.AddChild(vectors[k], best[k]);
        }

        var states = search.States;
        var tol = ks.Count > 0 ? Tolerance(ks.Count) : 0;
        var totals = new Score[states.Count];
        var m = row.Candidates.Count;
        best[node] = new Score[m];
        picks[node] = new int[m][];
        tied[node] = new bool[m][];
        for (var c = 0; c < m; c++)
        {
            var target = matchOverride ?? vectors[node][c];
            var top = -1;
            var topScore = default(Score);
            for (var s = 0; s < states.Count; s++)
            {
                totals[s] = states.ScoreAt(s) + (ks.Count > 0 ? Match(target, states.SumAt(s), tol) : default);
                if (top < 0 || totals[s] > topScore)
                {
                    top = s;
                    topScore = totals[s];
                }
            }

            best[node][c] = topScore + row.Local[c];
            // a leaf (most rows) shares the empty arrays instead of two new ones per candidate
            picks[node][c] = ks.Count == 0 ? [] : search.Picks(top, ks.Count);
            bool[] t = ks.Count == 0 ? [] : new bool[ks.Count];
            if (states.Count > 1)
            {
                for (var s = 0; s < states.Count; s++)
                {
                    if (s != top && totals[s].TiesHard(topScore))
                    {
                        search.MarkDifferentPicks(s, top, t);
                    }
                }
            }

            tied[node][c] = t;
        }
    }

    /// <summary>Agreement within rounding: 0.01 per child beyond the first, at most 0.05, in solver units.</summary>
    private static long Tolerance(int children) => (long)(Math.Min(0.05m, 0.01m * (children - 1)) * Scale);

    /// <summary>Does the row equal the sum of its children, column by column? Agreement within rounding (<paramref name="tol"/>) counts nearly as much as exact.</summary>
    private static Score Match(long[] parent, ReadOnlySpan<long> sum, long tol)
    {
        double hard = 0;
        for (var j = 0; j < parent.Length; j++)
        {
            var a = parent[j];
            var b = sum[j];
            if (a == 0 && b == 0)
            {
                continue;
            }

            var d = Math.Abs(a - b);
            hard += d == 0 ? 2 : d <= tol && a != 0 && b != 0 ? 1.5 : -2;
        }

        return new Score(hard, 0);
    }

    private static int ArgMax(Score[] scores)
    {
        var b = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[b])
            {
                b = i;
            }
        }

        return b;
    }
}
