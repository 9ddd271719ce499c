namespace DisclosureExtract.Tables;

/// <summary>
/// The scratch space of table recognition: the column search, the candidate buffers and the token list of line
/// reading. It holds no result between uses (each search, row and line starts by clearing what it uses), so what
/// ran before never changes an answer; reusing it only saves allocating it again for every document.
/// </summary>
internal sealed class TableScratch
{
    public StateSearch Search { get; } = new();

    public CandidateScratch Candidates { get; } = new();

    /// <summary>The first row of each row id in the table being built.</summary>
    public Dictionary<string, int> FirstById { get; } = new(StringComparer.Ordinal);

    /// <summary>Lets go of what refers to the last document (strings, candidate vectors), keeping the room.</summary>
    public void Release()
    {
        Search.Release();
        FirstById.Clear();
        Tokens.Clear();
        CellTexts.Clear();
        Segments.Clear();
    }

    /// <summary>The tokens of the line being read.</summary>
    public List<Tok> Tokens { get; } = new(32);

    /// <summary>The segments of the two-sided line being read.</summary>
    internal List<TableBodyReader.Segment> Segments { get; } = new(8);

    /// <summary>Room for the line being read without white space.</summary>
    public char[] LineBuffer { get; } = new char[256];

    /// <summary>The folded cell texts of the line being read.</summary>
    public List<string> CellTexts { get; } = new(32);
}
