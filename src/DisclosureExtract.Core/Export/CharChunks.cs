namespace DisclosureExtract.Export;

/// <summary>
/// Texts copied into a few reusable arrays of characters and handed out as slices, so that a writer gathering a row
/// group does not keep every record's strings alive until the group is written. Strings kept that long outlive the
/// young generations and die in the oldest one, which then grows with the batch (a 10,000-text batch building Parquet
/// as it converts rose ~35 MB); the chunks are allocated once and reused from one group to the next. A text longer
/// than a chunk keeps its own string. <see cref="Clear"/> makes every slice handed out invalid.
/// </summary>
internal sealed class CharChunks
{
    /// <summary>Characters in a chunk (64 KB, under the large object threshold).</summary>
    public const int ChunkLength = 32 * 1024;

    private readonly List<char[]> _chunks = [];
    private int _current = -1;
    private int _used = ChunkLength;

    /// <summary>Chunks allocated so far (they are kept for reuse).</summary>
    public int ChunkCount => _chunks.Count;

    /// <summary>The text's characters, copied to the current chunk (a new one when it is full).</summary>
    public ReadOnlyMemory<char> Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        if (text.Length > ChunkLength)
        {
            return text.AsMemory();
        }

        if (_used + text.Length > ChunkLength)
        {
            _current++;
            if (_current == _chunks.Count)
            {
                _chunks.Add(new char[ChunkLength]);
            }

            _used = 0;
        }

        var chunk = _chunks[_current];
        text.CopyTo(chunk.AsSpan(_used));
        var slice = new ReadOnlyMemory<char>(chunk, _used, text.Length);
        _used += text.Length;
        return slice;
    }

    /// <summary>Starts again at the first chunk; the slices handed out so far must no longer be used.</summary>
    public void Clear()
    {
        _current = _chunks.Count == 0 ? -1 : 0;
        _used = _chunks.Count == 0 ? ChunkLength : 0;
    }
}
