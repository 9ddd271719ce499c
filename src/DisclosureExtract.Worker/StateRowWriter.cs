using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DisclosureExtract.Worker;

/// <summary>
/// Writes output rows as the JSON the state database keeps (<see cref="StateRowJson"/>), reusing one buffer. Chinese text
/// is stored as UTF-8, not \u-escaped: an escaped CJK character takes six bytes instead of three and must be unescaped
/// when read back (reading the rows is most of publishing current/). Rows stored escaped, before 2026-12-06, read the same.
/// </summary>
internal sealed class StateRowWriter : IDisposable
{
    private static readonly JsonWriterOptions Stored = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public StateRowWriter() => _writer = new Utf8JsonWriter(_buffer, Stored);

    /// <summary>A row as JSON, by its runtime type (the state writes documents rows; states written before also hold the
    /// long tables' rows, which the tests write to check they still read).</summary>
    public string Write(object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, row, row.GetType(), StateRowJson.Default);
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _writer.Dispose();
}
