using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
internal sealed record SolverRow(int Parent, long[][] Candidates, Score[] Local, long[]? MatchOverride = null);

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
        var kids = new Children(rows);
        var best = new Score[n][];
        // per row, candidate c's pick for child j at [c × children + j] (null for a row without children)
        var picks = new int[n][];
        var tied = new bool[n][];
        var totals = search.Totals;
        search.UseColumns(columns);
        foreach (var node in PostOrder(rows, kids))
        {
            SolveNode(node, rows, kids.Of(node), search, best, picks, tied, totals);
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
            for (var c = 0; c < best[i].Length; c++)
            {
                if (c != b && best[i][c].TiesHard(best[i][b]))
                {
                    ambiguous[i] = true;
                    break;
                }
            }

            queue.Enqueue(i);
        }

        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            var ks = kids.Of(p);
            for (var j = 0; j < ks.Length; j++)
            {
                var k = ks[j];
                choice[k] = picks[p][(choice[p] * ks.Length) + j];
                ambiguous[k] = tied[p][(choice[p] * ks.Length) + j] || (ambiguous[p] && rows[k].Candidates.Length > 1);
                queue.Enqueue(k);
            }
        }

        return (choice, ambiguous);
    }

    /// <summary>The children of each row in printed order, in one flat array.</summary>
    private sealed class Children
    {
        private readonly int[] _start;
        private readonly int[] _all;

        public Children(IReadOnlyList<SolverRow> rows)
        {
            var n = rows.Count;
            _start = new int[n + 1];
            for (var i = 0; i < n; i++)
            {
                if (rows[i].Parent >= 0)
                {
                    _start[rows[i].Parent + 1]++;
                }
            }

            for (var i = 0; i < n; i++)
            {
                _start[i + 1] += _start[i];
            }

            _all = new int[_start[n]];
            var fill = new int[n];
            for (var i = 0; i < n; i++)
            {
                if (rows[i].Parent is var p and >= 0)
                {
                    _all[_start[p] + fill[p]++] = i;
                }
            }
        }

        public ReadOnlySpan<int> Of(int row) => _all.AsSpan(_start[row], _start[row + 1] - _start[row]);
    }

    private static List<int> PostOrder(IReadOnlyList<SolverRow> rows, Children kids)
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
            foreach (var k in kids.Of(node))
            {
                stack.Push((k, false));
            }
        }

        return order;
    }

    private static void SolveNode(int node, IReadOnlyList<SolverRow> rows, ReadOnlySpan<int> ks, StateSearch search, Score[][] best, int[][] picks, bool[][] tied, Score[] totals)
    {
        var row = rows[node];
        search.Start();
        foreach (var k in ks)
        {
            search.AddChild(rows[k].Candidates, best[k]);
        }

        var states = search.States;
        var tol = ks.Length > 0 ? Tolerance(ks.Length) : 0;
        var m = row.Candidates.Length;
        best[node] = new Score[m];
        if (ks.Length > 0)
        {
            picks[node] = new int[m * ks.Length];
            tied[node] = new bool[m * ks.Length];
        }

        for (var c = 0; c < m; c++)
        {
            var target = row.MatchOverride ?? row.Candidates[c];
            var top = -1;
            var topScore = default(Score);
            for (var s = 0; s < states.Count; s++)
            {
                totals[s] = states.ScoreAt(s) + (ks.Length > 0 ? Match(target, states.SumAt(s), tol) : default);
                if (top < 0 || totals[s] > topScore)
                {
                    top = s;
                    topScore = totals[s];
                }
            }

            best[node][c] = topScore + row.Local[c];
            if (ks.Length == 0)
            {
                continue; // a leaf (most rows) has no picks
            }

            search.Picks(top, picks[node].AsSpan(c * ks.Length, ks.Length));
            var t = tied[node].AsSpan(c * ks.Length, ks.Length);
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
        }
    }

    /// <summary>Agreement within rounding: 0.01 per child beyond the first, at most 0.05, in solver units.</summary>
    private static long Tolerance(int children) => (long)(Math.Min(0.05m, 0.01m * (children - 1)) * Scale);

    /// <summary>Does the row equal the sum of its children, column by column? Agreement within rounding (<paramref name="tol"/>) counts nearly as much as exact.</summary>
    private static Score Match(long[] parent, ReadOnlySpan<long> sum, long tol)
    {
        // counted, then weighed: the same sum as adding 2, 1.5 or -2 column by column (multiples of 0.5 add exactly)
        var exact = 0;
        var near = 0;
        var off = 0;
        var j = 0;
        if (Vector256.IsHardwareAccelerated && sum.Length >= parent.Length && !MatchFourAtATime(parent, sum, tol, ref j, ref exact, ref near, ref off))
        {
            j = 0;
            exact = near = off = 0;
        }

        for (; j < parent.Length; j++)
        {
            var a = parent[j];
            var b = sum[j];
            if (a == 0 && b == 0)
            {
                continue;
            }

            var d = Math.Abs(a - b);
            if (d == 0)
            {
                exact++;
            }
            else if (d <= tol && a != 0 && b != 0)
            {
                near++;
            }
            else
            {
                off++;
            }
        }

        return new Score((2.0 * exact) + (1.5 * near) - (2.0 * off), 0);
    }

    /// <summary>
    /// The counts of <see cref="Match"/> four columns at a time, as far as whole groups of four go
    /// (<paramref name="j"/> is where the rest starts; the column-by-column loop does the rest). False, with nothing
    /// to keep, where a difference is <see cref="long.MinValue"/> (whose absolute value the column-by-column loop
    /// rejects as it always has).
    /// </summary>
    private static bool MatchFourAtATime(long[] parent, ReadOnlySpan<long> sum, long tol, ref int j, ref int exact, ref int near, ref int off)
    {
        ref var pa = ref MemoryMarshal.GetArrayDataReference(parent);
        ref var pb = ref MemoryMarshal.GetReference(sum);
        var zero = Vector256<long>.Zero;
        var tolerance = Vector256.Create(tol);
        var minValue = Vector256.Create(long.MinValue);
        for (; j + 4 <= parent.Length; j += 4)
        {
            var a = Vector256.LoadUnsafe(ref pa, (nuint)j);
            var b = Vector256.LoadUnsafe(ref pb, (nuint)j);
            var diff = a - b;
            if (Vector256.EqualsAny(diff, minValue))
            {
                return false;
            }

            var d = Vector256.ConditionalSelect(Vector256.LessThan(diff, zero), zero - diff, diff);
            var aSet = ~Vector256.Equals(a, zero);
            var bSet = ~Vector256.Equals(b, zero);
            var counted = aSet | bSet;
            var same = Vector256.Equals(d, zero);
            var isExact = same & counted;
            var isNear = ~same & ~Vector256.GreaterThan(d, tolerance) & aSet & bSet;
            var isOff = counted & ~isExact & ~isNear;
            exact += BitOperations.PopCount(isExact.ExtractMostSignificantBits());
            near += BitOperations.PopCount(isNear.ExtractMostSignificantBits());
            off += BitOperations.PopCount(isOff.ExtractMostSignificantBits());
        }

        return true;
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
