using System.Buffers;
using System.Text;

namespace DisclosureExtract.Export;

/// <summary>A growable UTF-8 byte buffer, reused from one file to the next, that text is encoded onto.</summary>
internal sealed class Utf8Buffer
{
    private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
    private char[] _chars = new char[1 << 14];

    public IBufferWriter<byte> Writer => _bytes;

    public ReadOnlyMemory<byte> Written => _bytes.WrittenMemory;

    public void Clear() => _bytes.ResetWrittenCount();

    public void Append(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);

    /// <summary>Encodes the builder's text onto the end of the buffer.</summary>
    public void Append(StringBuilder text)
    {
        if (_chars.Length < text.Length)
        {
            _chars = new char[Math.Max(text.Length, _chars.Length * 2)];
        }

        text.CopyTo(0, _chars, 0, text.Length);
        var chars = _chars.AsSpan(0, text.Length);
        var span = _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _bytes.Advance(Encoding.UTF8.GetBytes(chars, span));
    }
}
