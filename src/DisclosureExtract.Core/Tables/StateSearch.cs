namespace DisclosureExtract.Tables;

/// <summary>
/// The states of <see cref="ColumnSolver"/>'s search over one row's children. A state is the running sum of the
/// vectors picked for the children so far, its score and the picks that led to it. Adding a child combines every
/// state with every candidate of the child: states with equal sums merge (the better score wins, the first found keeps
/// its place), and when more than <see cref="MaxStates"/> remain the best are kept, best first (equal scores in the
/// order found). The combinations are held as (state, candidate) pairs and only the kept states get their sums
/// written, picks live in a shared trail, so the search allocates nothing per state; one instance serves the searches
/// of one document's tables, one after the other (it holds no result between them).
/// </summary>
internal sealed class StateSearch
{
    public const int MaxStates = 64;

    private readonly PickTrail _trail = new();
    private readonly MergeTable _merged = new();
    private readonly StateRank[] _ranks = new StateRank[MaxStates];
    private long[] _candidateHashes = new long[32];
    private StateSet _current = new();
    private StateSet _spare = new();

    /// <summary>Room for one score per state, for the caller's use.</summary>
    public Score[] Totals { get; } = new Score[MaxStates];

    /// <summary>The states after the children added so far (at most <see cref="MaxStates"/>).</summary>
    public StateSet States => _current;

    /// <summary>Lets go of what refers to the last document (its candidate vectors).</summary>
    public void Release() => _merged.Release();

    /// <summary>Makes room for sum vectors of up to <paramref name="columns"/> columns (the widest table of a document), so that the tables' searches share one buffer.</summary>
    public void Reserve(int columns)
    {
        _current.Reserve(columns);
        _spare.Reserve(columns);
    }

    /// <summary>Sets the length of the sum vectors for the searches that follow.</summary>
    public void UseColumns(int columns)
    {
        _current.UseColumns(columns);
        _spare.UseColumns(columns);
    }

    /// <summary>Starts the search for a new row: one state, the zero sum with no picks.</summary>
    public void Start()
    {
        _trail.Clear();
        _current.Clear();
        _current.AddZero();
    }

    /// <summary>Combines the states with each candidate vector of the next child (scored by <paramref name="scores"/>).</summary>
    public void AddChild(long[][] candidates, Score[] scores)
    {
        if (candidates.Length == 1)
        {
            AddOnlyCandidate(candidates[0], scores[0]);
            return;
        }

        if (_candidateHashes.Length < candidates.Length)
        {
            _candidateHashes = new long[candidates.Length * 2];
        }

        for (var c = 0; c < candidates.Length; c++)
        {
            _candidateHashes[c] = SumHash.Of(candidates[c]);
        }

        _merged.Begin(_current, candidates);
        for (var s = 0; s < _current.Count; s++)
        {
            var hash = _current.HashAt(s);
            var score = _current.ScoreAt(s);
            var trail = _current.TrailAt(s);
            for (var c = 0; c < candidates.Length; c++)
            {
                var total = score + scores[c];
                var at = _merged.Merge(s, c, hash + _candidateHashes[c], out var isNew);
                if (isNew || total > _merged.ScoreAt(at))
                {
                    _merged.Set(at, total, _trail.Add(trail, c));
                }
            }
        }

        _spare.Clear();
        if (_merged.Count <= MaxStates)
        {
            for (var i = 0; i < _merged.Count; i++)
            {
                Keep(i, candidates);
            }
        }
        else
        {
            foreach (var (_, i) in BestMerged())
            {
                Keep(i, candidates);
            }
        }

        (_current, _spare) = (_spare, _current);
    }

    /// <summary>Writes the pick per child (in order) that led to a state into <paramref name="picks"/> (one per child).</summary>
    public void Picks(int state, Span<int> picks)
    {
        var e = _current.TrailAt(state);
        for (var j = picks.Length - 1; j >= 0; j--)
        {
            picks[j] = _trail.PickOf(e);
            e = _trail.PrevOf(e);
        }
    }

    /// <summary>
    /// A child with one candidate: every state moves by the same vector. The states' sums differ (equal sums were
    /// merged), so they still differ: nothing merges, and every state is kept in its place, as the general case does.
    /// </summary>
    private void AddOnlyCandidate(long[] candidate, Score score)
    {
        var hash = SumHash.Of(candidate);
        _spare.Clear();
        for (var s = 0; s < _current.Count; s++)
        {
            _spare.Add(_current.SumAt(s), candidate, _current.HashAt(s) + hash, _current.ScoreAt(s) + score, _trail.Add(_current.TrailAt(s), 0));
        }

        (_current, _spare) = (_spare, _current);
    }

    /// <summary>The pick per child (in order) that led to a state.</summary>
    public int[] Picks(int state, int children)
    {
        var picks = new int[children];
        Picks(state, picks);
        return picks;
    }

    /// <summary>Sets <paramref name="differ"/>[j] where states <paramref name="a"/> and <paramref name="b"/> picked differently for child j.</summary>
    public void MarkDifferentPicks(int a, int b, Span<bool> differ)
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

    /// <summary>Writes merged combination <paramref name="i"/> as a state of the next generation.</summary>
    private void Keep(int i, long[][] candidates) =>
        _spare.Add(_current.SumAt(_merged.StateOf(i)), candidates[_merged.PickOf(i)], _merged.HashAt(i), _merged.ScoreAt(i), _merged.TrailAt(i));

    /// <summary>The best <see cref="MaxStates"/> merged combinations, best first (ties in the order found).</summary>
    private Span<StateRank> BestMerged()
    {
        // one pass with the worst of the best so far at the root of a heap, then the few kept are sorted
        var heap = _ranks;
        var n = 0;
        for (var i = 0; i < _merged.Count; i++)
        {
            var rank = new StateRank(_merged.ScoreAt(i), i);
            if (n < MaxStates)
            {
                heap[n] = rank;
                SiftUp(heap, n);
                n++;
            }
            else if (BestFirst.Precedes(rank, heap[0]))
            {
                heap[0] = rank;
                SiftDown(heap, n);
            }
        }

        // heap sort: the worst of the rest goes last, so the kept end up best first
        for (var end = n - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            SiftDown(heap, end);
        }

        return heap.AsSpan(0, n);
    }

    /// <summary>Restores the heap (every entry no better than its children) after entry <paramref name="k"/> was added last.</summary>
    private static void SiftUp(StateRank[] heap, int k)
    {
        while (k > 0)
        {
            var parent = (k - 1) / 2;
            if (!BestFirst.Precedes(heap[parent], heap[k]))
            {
                break;
            }

            (heap[parent], heap[k]) = (heap[k], heap[parent]);
            k = parent;
        }
    }

    /// <summary>Restores the heap of <paramref name="n"/> entries after its root was replaced.</summary>
    private static void SiftDown(StateRank[] heap, int n)
    {
        var k = 0;
        while (true)
        {
            var worse = (2 * k) + 1;
            if (worse >= n)
            {
                break;
            }

            if (worse + 1 < n && BestFirst.Precedes(heap[worse], heap[worse + 1]))
            {
                worse++;
            }

            if (!BestFirst.Precedes(heap[k], heap[worse]))
            {
                break;
            }

            (heap[k], heap[worse]) = (heap[worse], heap[k]);
            k = worse;
        }
    }

    private readonly record struct StateRank(Score Score, int State);

    /// <summary>Higher score first; equal scores in the order found (a total order: no two states are found at once).</summary>
    private static class BestFirst
    {
        public static bool Precedes(StateRank x, StateRank y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return (byScore != 0 ? byScore : x.State.CompareTo(y.State)) < 0;
        }
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

    /// <summary>The 64-bit hash folded to the 32 bits a hash table uses, high bits mixed in.</summary>
    public static int Fold(long hash) => (int)(unchecked((ulong)hash * 0x9E3779B97F4A7C15UL) >> 32);

    /// <summary>A fixed odd pseudo-random multiplier per column (SplitMix64 of the column index).</summary>
    private static long Weight(int column)
    {
        var z = unchecked(((ulong)column + 1) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)((z ^ (z >> 31)) | 1));
    }
}

/// <summary>The states of one generation of the search (at most <see cref="StateSearch.MaxStates"/>): sums in one flat buffer (state i at [i × columns, (i + 1) × columns)), their hashes, scores and trail entries.</summary>
internal sealed class StateSet
{
    private readonly long[] _hashes = new long[StateSearch.MaxStates];
    private readonly Score[] _scores = new Score[StateSearch.MaxStates];
    private readonly int[] _trails = new int[StateSearch.MaxStates];
    private long[] _sums = [];
    private int _columns;

    public int Count { get; private set; }

    /// <summary>Makes room for sums of up to <paramref name="columns"/> columns.</summary>
    public void Reserve(int columns)
    {
        if (_sums.Length < columns * StateSearch.MaxStates)
        {
            _sums = new long[columns * StateSearch.MaxStates];
        }
    }

    /// <summary>Clears the set and sets the length of its sums.</summary>
    public void UseColumns(int columns)
    {
        Clear();
        _columns = columns;
        if (_sums.Length < columns * StateSearch.MaxStates)
        {
            _sums = new long[columns * StateSearch.MaxStates];
        }
    }

    public ReadOnlySpan<long> SumAt(int state) => _sums.AsSpan(state * _columns, _columns);

    public long HashAt(int state) => _hashes[state];

    public Score ScoreAt(int state) => _scores[state];

    public int TrailAt(int state) => _trails[state];

    public void Clear() => Count = 0;

    /// <summary>The state of the zero sum with no picks.</summary>
    public void AddZero()
    {
        _sums.AsSpan(Count * _columns, _columns).Clear();
        Set(0, default, PickTrail.None);
    }

    /// <summary>A state whose sum is <paramref name="a"/> + <paramref name="b"/>.</summary>
    public void Add(ReadOnlySpan<long> a, ReadOnlySpan<long> b, long hash, Score score, int trail)
    {
        var sum = _sums.AsSpan(Count * _columns, _columns);
        for (var j = 0; j < sum.Length; j++)
        {
            sum[j] = a[j] + b[j];
        }

        Set(hash, score, trail);
    }

    private void Set(long hash, Score score, int trail)
    {
        _hashes[Count] = hash;
        _scores[Count] = score;
        _trails[Count] = trail;
        Count++;
    }
}

/// <summary>
/// The combinations of a generation's states with one child's candidates, merged by sum: each entry is the (state,
/// candidate) pair first found for its sum, with the best score and trail found for that sum. Sums are compared
/// without being written out (state sum + candidate, column by column). Entries are found by sum through an
/// open-addressing index (linear probing, at most half full) whose used slots are cleared for the next child.
/// </summary>
internal sealed class MergeTable
{
    private int[] _slots = new int[4 * StateSearch.MaxStates];
    private int[] _slotOf = new int[StateSearch.MaxStates];
    private StateSet _from = new();
    private long[][] _candidates = [];
    private int[] _states = new int[StateSearch.MaxStates];
    private int[] _picks = new int[StateSearch.MaxStates];
    private long[] _hashes = new long[StateSearch.MaxStates];
    private Score[] _scores = new Score[StateSearch.MaxStates];
    private int[] _trails = new int[StateSearch.MaxStates];

    public int Count { get; private set; }

    public int StateOf(int entry) => _states[entry];

    public int PickOf(int entry) => _picks[entry];

    public long HashAt(int entry) => _hashes[entry];

    public Score ScoreAt(int entry) => _scores[entry];

    public int TrailAt(int entry) => _trails[entry];

    /// <summary>Lets go of the last child's candidates (the table is done).</summary>
    public void Release() => _candidates = [];

    public void Begin(StateSet from, long[][] candidates)
    {
        _from = from;
        _candidates = candidates;
        for (var e = 0; e < Count; e++)
        {
            _slots[_slotOf[e]] = 0;
        }

        Count = 0;

        // room for every combination at once (rather than doubling while merging): at most states × candidates entries
        var most = from.Count * candidates.Length;
        if (most > _states.Length)
        {
            Reserve(most);
        }
    }

    /// <summary>Room for <paramref name="entries"/> entries and an index at most half full (the table is empty).</summary>
    private void Reserve(int entries)
    {
        _slotOf = new int[entries];
        _states = new int[entries];
        _picks = new int[entries];
        _hashes = new long[entries];
        _scores = new Score[entries];
        _trails = new int[entries];
        var slots = _slots.Length;
        while ((entries + 1) * 2 > slots)
        {
            slots *= 2;
        }

        if (slots > _slots.Length)
        {
            _slots = new int[slots];
        }
    }

    /// <summary>The entry whose sum equals state <paramref name="state"/> + candidate <paramref name="pick"/>; a new one (<paramref name="isNew"/>, to be <see cref="Set"/>) when there is none.</summary>
    public int Merge(int state, int pick, long hash, out bool isNew)
    {
        if (Count == _states.Length)
        {
            Grow();
        }

        if ((Count + 1) * 2 > _slots.Length)
        {
            GrowSlots();
        }

        _states[Count] = state;
        _picks[Count] = pick;
        _hashes[Count] = hash;
        var mask = _slots.Length - 1;
        for (var i = SumHash.Fold(hash) & mask; ; i = (i + 1) & mask)
        {
            var e = _slots[i] - 1;
            if (e < 0)
            {
                _slots[i] = Count + 1;
                _slotOf[Count] = i;
                isNew = true;
                return Count++;
            }

            if (SameSum(e, Count))
            {
                isNew = false;
                return e;
            }
        }
    }

    public void Set(int entry, Score score, int trail)
    {
        _scores[entry] = score;
        _trails[entry] = trail;
    }

    private bool SameSum(int x, int y)
    {
        if (_hashes[x] != _hashes[y])
        {
            return false;
        }

        var a = _from.SumAt(_states[x]);
        var ca = _candidates[_picks[x]];
        var b = _from.SumAt(_states[y]);
        var cb = _candidates[_picks[y]];
        for (var j = 0; j < a.Length; j++)
        {
            if (a[j] + ca[j] != b[j] + cb[j])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Doubles the index and places the entries again.</summary>
    private void GrowSlots()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var e = 0; e < Count; e++)
        {
            var i = SumHash.Fold(_hashes[e]) & mask;
            while (_slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = e + 1;
            _slotOf[e] = i;
        }
    }

    private void Grow()
    {
        var n = _states.Length * 2;
        Array.Resize(ref _slotOf, n);
        Array.Resize(ref _states, n);
        Array.Resize(ref _picks, n);
        Array.Resize(ref _hashes, n);
        Array.Resize(ref _scores, n);
        Array.Resize(ref _trails, n);
    }
}

/// <summary>The picks of the search as a shared trail: each entry is one pick and the entry of the child before it.</summary>
internal sealed class PickTrail
{
    public const int None = -1;

    private int[] _prev = new int[256];
    private int[] _pick = new int[256];
    private int _count;

    public void Clear() => _count = 0;

    public int Add(int prev, int pick)
    {
        if (_count == _prev.Length)
        {
            Array.Resize(ref _prev, _count * 2);
            Array.Resize(ref _pick, _count * 2);
        }

        _prev[_count] = prev;
        _pick[_count] = pick;
        return _count++;
    }

    public int PickOf(int entry) => (uint)entry < (uint)_count ? _pick[entry] : throw new ArgumentOutOfRangeException(nameof(entry));

    public int PrevOf(int entry) => (uint)entry < (uint)_count ? _prev[entry] : throw new ArgumentOutOfRangeException(nameof(entry));
}
