using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Batch;

/// <summary>`merge` joins its shards' files as streams, each in document-id order.</summary>
public class OrderedMergeTests
{
    private static IEnumerable<(string Id, string Row)> Source(params (string Id, string Row)[] rows) => rows;

    [Fact]
    public void Sequences_in_id_order_merge_into_one_in_ordinal_order_with_each_ids_rows_together()
    {
        // ordinal order (upper case before lower case, "a-10" before "a-9"), a document's several rows kept together and
        // in their order, an empty shard
        IEnumerable<(string Id, string Row)>[] shards =
        [
            Source(("B", "b1"), ("a-10", "x1"), ("a-10", "x2"), ("c", "c1")),
            Source(),
            Source(("a-9", "y1"), ("b", "z1"), ("b", "z2")),
        ];

        var merged = OrderedMerge.ByKey(shards, r => r.Id, i => $"shard {i}").Select(r => r.Row);

        Assert.Equal(["b1", "x1", "x2", "y1", "z1", "z2", "c1"], merged);
    }

    [Fact]
    public void Equal_ids_in_two_sequences_keep_the_sequences_order()
    {
        var merged = OrderedMerge.ByKey([Source(("a", "second shard's")), Source(("a", "third shard's"))], r => r.Id, i => $"shard {i}");

        Assert.Equal(["second shard's", "third shard's"], merged.Select(r => r.Row));
    }

    [Fact]
    public void A_sequence_out_of_id_order_is_named()
    {
        var merged = OrderedMerge.ByKey([Source(("a", "1"), ("c", "2")), Source(("b", "3"), ("a", "4"))], r => r.Id, i => $"shard-{i}/line_items.csv");

        var error = Assert.Throws<InvalidDataException>(() => merged.ToList());
        Assert.Contains("shard-1/line_items.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"a\" after \"b\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_item_of_each_sequence_is_read_at_a_time()
    {
        var read = 0;
        IEnumerable<(string Id, string Row)> Counted(int n)
        {
            for (var i = 0; i < n; i++)
            {
                read++;
                yield return ($"{i:D3}", $"{i}");
            }
        }

        using var merged = OrderedMerge.ByKey([Counted(1000), Counted(1000)], r => r.Id, i => $"shard {i}").GetEnumerator();
        Assert.True(merged.MoveNext());
        Assert.Equal(2, read);
        Assert.True(merged.MoveNext());
        Assert.Equal(3, read);
    }
}
