using DisclosureExtract.Export;

namespace DisclosureExtract.Worker.Tests;

/// <summary>The stamp of current/ changes with anything the merged files are built from, and with nothing else.</summary>
public class DatasetStampTests
{
    private static readonly Generator Build = new("DisclosureExtract", "1.2.0", "abc123");

    private static CurrentFile File(string path, long version, string id, bool removed = false) =>
        new(path, version, "sha-" + version, id, "converted", null, null, removed);

    [Fact]
    public void The_order_the_files_come_in_does_not_matter()
    {
        var a = DatasetStamp.Of([File("a.txt", 1, "a"), File("b.txt", 2, "b")], Build);
        var b = DatasetStamp.Of([File("b.txt", 2, "b"), File("a.txt", 1, "a")], Build);

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void A_new_version_another_id_one_file_more_or_another_build_changes_it()
    {
        var stamp = DatasetStamp.Of([File("a.txt", 1, "a"), File("b.txt", 2, "b")], Build);

        Assert.NotEqual(stamp, DatasetStamp.Of([File("a.txt", 3, "a"), File("b.txt", 2, "b")], Build));
        Assert.NotEqual(stamp, DatasetStamp.Of([File("a.txt", 1, "a2"), File("b.txt", 2, "b")], Build));
        Assert.NotEqual(stamp, DatasetStamp.Of([File("a.txt", 1, "a"), File("b.txt", 2, "b"), File("c.txt", 4, "c")], Build));
        Assert.NotEqual(stamp, DatasetStamp.Of([File("a.txt", 1, "a"), File("b.txt", 2, "b")], Build with { Commit = "def456" }));
        Assert.NotEqual(stamp, DatasetStamp.Of([File("a.txt", 1, "a"), File("b.txt", 2, "b")], Build with { Version = "1.3.0" }));
    }

    [Fact]
    public void A_build_that_does_not_know_its_commit_has_no_stamp_so_its_dataset_is_always_rebuilt()
    {
        var unknown = Build with { Commit = Generator.UnknownCommit };

        Assert.Null(DatasetStamp.Of([File("a.txt", 1, "a")], unknown));
        Assert.False(DatasetStamp.Matches(Path.GetTempPath(), null, []));
    }
}
