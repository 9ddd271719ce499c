using System.Buffers;
using System.Text;

namespace DisclosureExtract.Export;

/// <summary>A growable UTF-8 byte buffer, reused from one file to the next, that text is encoded onto.</summary>
internal sealed class Utf8Buffer
{
    /// <summary>Characters encoded at a time (a builder made with a large capacity has one large chunk).</summary>
    private const int PartChars = 8192;

    private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

    public IBufferWriter<byte> Writer => _bytes;

    public ReadOnlyMemory<byte> Written => _bytes.WrittenMemory;

    public void Clear() => _bytes.ResetWrittenCount();

    public void Append(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);

    /// <summary>
    /// Encodes the builder's text onto the end of the buffer, chunk by chunk (a pair of surrogates split between two
    /// chunks is encoded whole): neither a copy of the text nor room for three bytes a character (a 2-million-character
    /// JSON file grew a 4 MB copy and a 7 MB buffer on the large object heap) is needed.
    /// </summary>
    public void Append(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _encoder.Reset();
        foreach (var chunk in text.GetChunks())
        {
            var chars = chunk.Span;
            while (chars.Length > 0)
            {
                var part = chars[..Math.Min(chars.Length, PartChars)];
                var span = _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(part.Length));
                _encoder.Convert(part, span, flush: false, out var used, out var written, out _);
                _bytes.Advance(written);
                chars = chars[used..];
            }
        }

        var end = _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(0));
        _bytes.Advance(_encoder.GetBytes([], end, flush: true)); // a lone high surrogate at the end: U+FFFD, as in one piece
    }
}
