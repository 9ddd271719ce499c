namespace DisclosureExtract.Tables;

/// <summary>
/// The candidate assignments kept for one row, column-wise: the vectors and local scores as the solver takes them,
/// the positions (all assignments of a row have the same number) and whether each contradicts the row's own identities.
/// </summary>
internal sealed class RowCandidates
{
    private readonly int[] _positions;

    /// <param name="count">How many candidates.</param>
    /// <param name="positions">How many amounts each assigns.</param>
    public RowCandidates(int count, int positions)
    {
        Vectors = new long[count][];
        Local = new Score[count];
        Contradicts = new bool[count];
        _positions = new int[count * positions];
        PositionCount = positions;
    }

    /// <summary>Candidate values per column (present columns, printed order), in solver units.</summary>
    public long[][] Vectors { get; }

    /// <summary>The score of each candidate from the row alone.</summary>
    public Score[] Local { get; }

    /// <summary>Whether each candidate breaks one of the row's own identities.</summary>
    public bool[] Contradicts { get; }

    /// <summary>How many amounts each candidate assigns.</summary>
    public int PositionCount { get; }

    public int Count => Local.Length;

    /// <summary>The column position of each assigned amount of candidate <paramref name="c"/>.</summary>
    public ReadOnlySpan<int> PositionsOf(int c) => _positions.AsSpan(c * PositionCount, PositionCount);

    /// <summary>Sets candidate <paramref name="c"/>.</summary>
    public void Set(int c, ReadOnlySpan<int> positions, long[] vector, Score local, bool contradicts)
    {
        positions.CopyTo(_positions.AsSpan(c * PositionCount, PositionCount));
        Vectors[c] = vector;
        Local[c] = local;
        Contradicts[c] = contradicts;
    }
}
