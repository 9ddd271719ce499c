using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Outputs;

public class CharChunksTests
{
    [Fact]
    public void Slices_hold_their_texts_across_chunk_ends_and_after_clear_the_same_chunks_are_reused()
    {
        var texts = Texts(seed: 1, count: 2_000);
        var chunks = new CharChunks();

        var first = texts.Select(chunks.Add).ToList();
        Assert.Equal(texts, first.Select(s => s.ToString()));
        var allocated = chunks.ChunkCount;
        Assert.InRange(allocated, 3, 20); // ~120,000 characters in chunks of 32,768, the long text on its own

        chunks.Clear();
        var reversed = texts.AsEnumerable().Reverse().ToList();
        var second = reversed.Select(chunks.Add).ToList();
        Assert.Equal(reversed, second.Select(s => s.ToString()));
        Assert.Equal(allocated, chunks.ChunkCount);
    }

    [Fact]
    public void A_text_longer_than_a_chunk_is_its_own_string_and_an_empty_one_takes_no_room()
    {
        var chunks = new CharChunks();
        var empty = chunks.Add(string.Empty);
        Assert.True(empty.IsEmpty);
        Assert.Equal(0, chunks.ChunkCount);

        var longText = new string('预', CharChunks.ChunkLength + 1);
        var slice = chunks.Add(longText);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetString(slice, out var owner, out _, out _));
        Assert.Same(longText, owner);
        Assert.Equal(0, chunks.ChunkCount);
    }

    [Fact]
    public void A_parquet_table_of_many_groups_and_chunks_reads_back_the_texts_written()
    {
        // groups of 500 rows of ~60 characters a text: each group fills a chunk and starts a second, then reuses both
        var texts = Texts(seed: 2, count: 3_001);
        var table = LongTables.All.Single(t => t.Name == "line_items");
        var path = Path.Combine(TestPaths.TempDir(), "t.parquet");
        using (var writer = new ParquetTableWriter(path, ParquetPlan.Declared(table, ["document_id", "item_name", "amount"]), rowGroupSize: 500))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                // document ids in runs of equal values, as a table's rows come
                writer.Add([$"doc-{i / 40}", texts[i], i % 7 == 0 ? string.Empty : (i / 10m).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            writer.Finish();
        }

        var columns = ParquetRoundTripTests.Read(path);
        Assert.Equal(texts, columns["item_name"]!.Select(t => t!));
        Assert.Equal(Enumerable.Range(0, texts.Count).Select(i => $"doc-{i / 40}"), columns["document_id"]);
        Assert.Null(columns["amount"][7]);
        Assert.Equal("0.100000", columns["amount"][1]);
    }

    /// <summary>Texts of 0-120 characters, Chinese and ASCII, runs of equal ones, a pair of surrogates, and one text
    /// longer than a chunk in the middle.</summary>
    private static List<string> Texts(int seed, int count)
    {
        var random = new Random(seed);
        var texts = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (i == count / 2)
            {
                texts.Add(string.Concat(Enumerable.Repeat("一般公共服务支出\U00020000", 4_000)));
            }
            else if (i % 5 == 4)
            {
                texts.Add(texts[^1]);
            }
            else
            {
                var length = random.Next(0, 121);
                texts.Add(new string([.. Enumerable.Range(0, length).Select(_ => random.Next(3) == 0 ? (char)random.Next('a', 'z' + 1) : (char)random.Next(0x4E00, 0x9FA6))]));
            }
        }

        return texts;
    }
}
