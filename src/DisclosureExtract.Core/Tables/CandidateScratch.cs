namespace DisclosureExtract.Tables;

/// <summary>
/// Scratch space for the candidates of one row while they are enumerated: the assignments kept so far in flat
/// buffers (positions, vectors, scores), so that only the few finally chosen become arrays of their own. One instance
/// serves the rows of one document's tables, one after the other (it holds no result between rows).
/// </summary>
internal sealed class CandidateScratch
{
    private int[] _positions = new int[256];
    private long[] _vectors = new long[512];
    private Score[] _scores = new Score[64];
    private bool[] _contradicts = new bool[64];
    private int[] _top = new int[32];
    private long[] _units = new long[16];
    private int[] _index = new int[16];
    private long[] _vector = new long[16];
    private double[] _bonus = new double[16];
    private int _k;
    private int _m;

    /// <summary>The assignments added since <see cref="Begin"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a row whose assignments have <paramref name="k"/> positions over <paramref name="m"/> columns.</summary>
    public void Begin(int k, int m)
    {
        _k = k;
        _m = m;
        Count = 0;
    }

    public void Add(ReadOnlySpan<int> positions, long[] vector, Score score, bool contradicts)
    {
        if (Count == _scores.Length)
        {
            Array.Resize(ref _scores, Count * 2);
            Array.Resize(ref _contradicts, Count * 2);
        }

        if ((Count + 1) * _k > _positions.Length)
        {
            Array.Resize(ref _positions, Math.Max(_positions.Length * 2, (Count + 1) * _k));
        }

        if ((Count + 1) * _m > _vectors.Length)
        {
            Array.Resize(ref _vectors, Math.Max(_vectors.Length * 2, (Count + 1) * _m));
        }

        positions[.._k].CopyTo(_positions.AsSpan(Count * _k, _k));
        vector.AsSpan(0, _m).CopyTo(_vectors.AsSpan(Count * _m, _m));
        _scores[Count] = score;
        _contradicts[Count] = contradicts;
        Count++;
    }

    public Score ScoreAt(int i) => _scores[i];

    /// <summary>
    /// The best <paramref name="n"/> assignments, best first, equal scores in the order added (as a stable sort by
    /// descending score, then the first n). The span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<int> Best(int n)
    {
        if (_top.Length < n)
        {
            _top = new int[n];
        }

        var count = 0;
        for (var i = 0; i < Count; i++)
        {
            var s = _scores[i];
            // after every kept one that is at least as good (an equal one was added earlier)
            var at = count;
            while (at > 0 && s > _scores[_top[at - 1]])
            {
                at--;
            }

            if (at >= n)
            {
                continue;
            }

            var last = Math.Min(count, n - 1);
            for (var j = last; j > at; j--)
            {
                _top[j] = _top[j - 1];
            }

            _top[at] = i;
            count = Math.Min(count + 1, n);
        }

        return _top.AsSpan(0, count);
    }

    /// <summary>Writes assignment <paramref name="i"/> as candidate <paramref name="c"/> of <paramref name="row"/> (its vector an array of its own).</summary>
    public void CopyTo(int i, RowCandidates row, int c) =>
        row.Set(c, _positions.AsSpan(i * _k, _k), _vectors.AsSpan(i * _m, _m).ToArray(), _scores[i], _contradicts[i]);

    /// <summary>A buffer of at least <paramref name="n"/> ints to enumerate assignments in.</summary>
    public int[] Positions(int n) => _index.Length >= n ? _index : _index = new int[Math.Max(n, _index.Length * 2)];

    /// <summary>A buffer of at least <paramref name="n"/> longs for a row's amounts in solver units.</summary>
    public long[] Units(int n) => _units.Length >= n ? _units : _units = new long[Math.Max(n, _units.Length * 2)];

    /// <summary>A buffer of at least <paramref name="n"/> longs to score an assignment in.</summary>
    public long[] Vector(int n) => _vector.Length >= n ? _vector : _vector = new long[Math.Max(n, _vector.Length * 2)];

    /// <summary>A zeroed buffer of at least <paramref name="n"/> plausibility bonuses, one per column.</summary>
    public double[] Bonus(int n)
    {
        if (_bonus.Length < n)
        {
            _bonus = new double[Math.Max(n, _bonus.Length * 2)];
        }

        Array.Clear(_bonus);
        return _bonus;
    }
}
