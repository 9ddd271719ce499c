using System.Runtime.InteropServices;

namespace DisclosureExtract.Tables;

/// <summary>
/// The states of <see cref="ColumnSolver"/>'s search over one row's children. A state is the running sum of the
/// vectors picked for the children so far, its score and the picks that led to it. Adding a child combines every
/// state with every candidate of the child: states with equal sums merge (the better score wins, the first found keeps
/// its place), and when more than <see cref="MaxStates"/> remain the best are kept, best first (equal scores in the
/// order found). Sums live in flat buffers and picks in a shared trail, so the search allocates nothing per state;
/// one instance serves the searches of one document's tables, one after the other (it holds no result between them).
/// </summary>
internal sealed class StateSearch
{
    public const int MaxStates = 64;

    private readonly PickTrail _trail = new();
    private readonly PriorityQueue<int, StateRank> _kept = new(MaxStates + 1, WorstFirst.Instance);
    private readonly StateRank[] _ranks = new StateRank[MaxStates];
    private long[] _candidateHashes = new long[32];
    private StateSet _current = new();
    private StateSet _next = new();

    /// <summary>Sets the length of the sum vectors for the searches that follow.</summary>
    public void UseColumns(int columns)
    {
        _current.UseColumns(columns);
        _next.UseColumns(columns);
    }

    /// <summary>The states after the children added so far.</summary>
    public StateSet States => _current;

    /// <summary>Starts the search for a new row: one state, the zero sum with no picks.</summary>
    public void Start()
    {
        _trail.Clear();
        _current.Clear();
        _current.Stage(0).Clear();
        _current.Set(_current.Merge(out _), default, PickTrail.None);
    }

    /// <summary>Combines the states with each candidate vector of the next child (scored by <paramref name="scores"/>).</summary>
    public void AddChild(long[][] candidates, Score[] scores)
    {
        _next.Clear();
        if (_candidateHashes.Length < candidates.Length)
        {
            _candidateHashes = new long[candidates.Length * 2];
        }

        for (var c = 0; c < candidates.Length; c++)
        {
            _candidateHashes[c] = SumHash.Of(candidates[c]);
        }

        for (var s = 0; s < _current.Count; s++)
        {
            var sum = _current.SumAt(s);
            var hash = _current.HashAt(s);
            var score = _current.ScoreAt(s);
            var trail = _current.TrailAt(s);
            for (var c = 0; c < candidates.Length; c++)
            {
                var staged = _next.Stage(hash + _candidateHashes[c]);
                var vector = candidates[c];
                for (var j = 0; j < staged.Length; j++)
                {
                    staged[j] = sum[j] + vector[j];
                }

                var total = score + scores[c];
                var at = _next.Merge(out var isNew);
                if (isNew || total > _next.ScoreAt(at))
                {
                    _next.Set(at, total, _trail.Add(trail, c));
                }
            }
        }

        if (_next.Count <= MaxStates)
        {
            (_current, _next) = (_next, _current);
            return;
        }

        KeepBest(_next, _current);
    }

    /// <summary>The pick per child (in order) that led to a state.</summary>
    public int[] Picks(int state, int children)
    {
        var picks = new int[children];
        var e = _current.TrailAt(state);
        for (var j = children - 1; j >= 0; j--)
        {
            picks[j] = _trail.PickOf(e);
            e = _trail.PrevOf(e);
        }

        return picks;
    }

    /// <summary>Sets <paramref name="differ"/>[j] where states <paramref name="a"/> and <paramref name="b"/> picked differently for child j.</summary>
    public void MarkDifferentPicks(int a, int b, bool[] differ)
    {
        var ea = _current.TrailAt(a);
        var eb = _current.TrailAt(b);
        for (var j = differ.Length - 1; j >= 0; j--)
        {
            differ[j] |= _trail.PickOf(ea) != _trail.PickOf(eb);
            ea = _trail.PrevOf(ea);
            eb = _trail.PrevOf(eb);
        }
    }

    /// <summary>Copies the best <see cref="MaxStates"/> states of <paramref name="from"/> into <paramref name="to"/> (best first, ties in the order found); to becomes the current states.</summary>
    private void KeepBest(StateSet from, StateSet to)
    {
        // one pass with the worst of the best so far at hand, then the few kept are sorted
        _kept.Clear();
        for (var i = 0; i < from.Count; i++)
        {
            var rank = new StateRank(from.ScoreAt(i), i);
            if (_kept.Count < MaxStates)
            {
                _kept.Enqueue(i, rank);
            }
            else
            {
                _kept.EnqueueDequeue(i, rank);
            }
        }

        var n = 0;
        foreach (var (_, rank) in _kept.UnorderedItems)
        {
            _ranks[n++] = rank;
        }

        var ranks = _ranks.AsSpan(0, n);
        ranks.Sort(BestFirst.Instance);
        to.Clear();
        foreach (var (_, i) in ranks)
        {
            from.SumAt(i).CopyTo(to.Stage(from.HashAt(i)));
            to.Set(to.Merge(out _), from.ScoreAt(i), from.TrailAt(i));
        }

        _current = to;
        _next = from;
    }

    private readonly record struct StateRank(Score Score, int State);

    /// <summary>Higher score first; equal scores in the order found.</summary>
    private sealed class BestFirst : IComparer<StateRank>
    {
        public static readonly BestFirst Instance = new();

        public int Compare(StateRank x, StateRank y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.State.CompareTo(y.State);
        }
    }

    /// <summary>The reverse of <see cref="BestFirst"/>: the worst state at the root of the queue of states kept.</summary>
    private sealed class WorstFirst : IComparer<StateRank>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(StateRank x, StateRank y) => BestFirst.Instance.Compare(y, x);
    }
}

/// <summary>
/// A hash of a sum vector that is linear (the hash of a + b is the hash of a plus the hash of b, wrapping), so the
/// hash of a running sum costs one addition. Equal vectors have equal hashes; equality is still checked in full.
/// </summary>
internal static class SumHash
{
    public static long Of(ReadOnlySpan<long> vector)
    {
        long h = 0;
        for (var j = 0; j < vector.Length; j++)
        {
            h = unchecked(h + (vector[j] * Weight(j)));
        }

        return h;
    }

    /// <summary>A fixed odd pseudo-random multiplier per column (SplitMix64 of the column index).</summary>
    private static long Weight(int column)
    {
        var z = unchecked(((ulong)column + 1) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)((z ^ (z >> 31)) | 1));
    }

    /// <summary>The 64-bit hash folded to the 32 bits a hash table uses, high bits mixed in.</summary>
    public static int Fold(long hash) => (int)(unchecked((ulong)hash * 0x9E3779B97F4A7C15UL) >> 32);
}

/// <summary>
/// States of one generation of the search: sums in one flat buffer (state i at [i × columns, (i + 1) × columns)),
/// scores, trail entries, and an index of the states by sum. A new sum is written into the slot after the last state
/// (<see cref="Stage"/>) and then merged: it becomes a new state unless an equal sum is already there.
/// </summary>
internal sealed class StateSet : IEqualityComparer<int>
{
    private readonly Dictionary<int, int> _bySum;
    private int _columns;
    private long[] _sums = [];
    private long[] _hashes = new long[StateSearch.MaxStates];
    private Score[] _scores = new Score[StateSearch.MaxStates];
    private int[] _trails = new int[StateSearch.MaxStates];

    public StateSet() => _bySum = new Dictionary<int, int>(this);

    /// <summary>Clears the set and sets the length of its sums.</summary>
    public void UseColumns(int columns)
    {
        Clear();
        _columns = columns;
        if (_sums.Length < columns * _scores.Length)
        {
            _sums = new long[columns * _scores.Length];
        }
    }

    public int Count { get; private set; }

    public ReadOnlySpan<long> SumAt(int state) => _sums.AsSpan(state * _columns, _columns);

    public long HashAt(int state) => _hashes[state];

    public Score ScoreAt(int state) => _scores[state];

    public int TrailAt(int state) => _trails[state];

    public void Clear()
    {
        Count = 0;
        _bySum.Clear();
    }

    /// <summary>The slot after the last state, to write a sum with the given <see cref="SumHash"/> into before <see cref="Merge"/>.</summary>
    public Span<long> Stage(long hash)
    {
        if (Count == _scores.Length)
        {
            Array.Resize(ref _hashes, _hashes.Length * 2);
            Array.Resize(ref _scores, _scores.Length * 2);
            Array.Resize(ref _trails, _trails.Length * 2);
        }

        if ((Count + 1) * _columns > _sums.Length)
        {
            Array.Resize(ref _sums, _columns * _scores.Length);
        }

        _hashes[Count] = hash;
        return _sums.AsSpan(Count * _columns, _columns);
    }

    /// <summary>The state whose sum equals the staged one; when there is none the staged sum becomes a new state (<paramref name="isNew"/>), to be <see cref="Set"/>.</summary>
    public int Merge(out bool isNew)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(_bySum, Count, out var exists);
        isNew = !exists;
        if (isNew)
        {
            at = Count;
            Count++;
        }

        return at;
    }

    public void Set(int state, Score score, int trail)
    {
        _scores[state] = score;
        _trails[state] = trail;
    }

    bool IEqualityComparer<int>.Equals(int x, int y) => _hashes[x] == _hashes[y] && SumAt(x).SequenceEqual(SumAt(y));

    int IEqualityComparer<int>.GetHashCode(int obj) => SumHash.Fold(_hashes[obj]);
}

/// <summary>The picks of the search as a shared trail: each entry is one pick and the entry of the child before it.</summary>
internal sealed class PickTrail
{
    public const int None = -1;

    private readonly List<int> _prev = [];
    private readonly List<int> _pick = [];

    public void Clear()
    {
        _prev.Clear();
        _pick.Clear();
    }

    public int Add(int prev, int pick)
    {
        _prev.Add(prev);
        _pick.Add(pick);
        return _prev.Count - 1;
    }

    public int PickOf(int entry) => _pick[entry];

    public int PrevOf(int entry) => _prev[entry];
}
