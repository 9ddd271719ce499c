using System.Text;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Outputs;

public class Utf8BufferTests
{
    [Fact]
    public void Text_in_many_chunks_encodes_as_in_one_piece_with_surrogates_split_between_chunks_and_a_lone_one()
    {
        // a builder fills each chunk before it starts the next: after three characters, pairs of surrogates (𠀀, U+20000)
        // sit at odd places and chunks of even sizes end between the two halves of a pair; a lone high surrogate ends it
        var sb = new StringBuilder(16).Append("a,预");
        for (var i = 0; i < 30_000; i++)
        {
            sb.Append("\U00020000");
        }

        sb.Append('\uD800');
        var chunks = Chunks(sb);
        Assert.True(chunks.Count > 10);
        Assert.True(chunks.SkipLast(1).Count(c => char.IsHighSurrogate(c[^1])) > 10);

        var buffer = new Utf8Buffer();
        buffer.Append("\uFEFF"u8);
        buffer.Append(sb);
        buffer.Append(new StringBuilder("\U00020000end")); // the encoder starts afresh after the lone surrogate

        byte[] want = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(sb.ToString()), .. Encoding.UTF8.GetBytes("\U00020000end")];
        Assert.Equal(want, buffer.Written.ToArray());
    }

    [Fact]
    public void One_large_chunk_is_encoded_in_parts_that_may_end_between_two_surrogates()
    {
        // parts of 8,192 characters: with a pair at places 1-2 of every three characters, the first part ends on a high surrogate
        var text = string.Concat(Enumerable.Repeat("一\U00020000", 10_000));
        var sb = new StringBuilder(text, text.Length);
        Assert.Single(Chunks(sb));
        Assert.True(char.IsHighSurrogate(text[8191]));

        var buffer = new Utf8Buffer();
        buffer.Append(sb);

        Assert.Equal(Encoding.UTF8.GetBytes(text), buffer.Written.ToArray());
    }

    private static List<string> Chunks(StringBuilder sb)
    {
        var list = new List<string>();
        foreach (var chunk in sb.GetChunks())
        {
            if (chunk.Length > 0)
            {
                list.Add(chunk.ToString());
            }
        }

        return list;
    }
}
