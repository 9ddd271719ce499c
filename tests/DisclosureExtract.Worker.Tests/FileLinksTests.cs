namespace DisclosureExtract.Worker.Tests;

/// <summary>current/'s per-document files are second names of the run folder's files where the system allows.</summary>
public sealed class FileLinksTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dx-links-" + Guid.NewGuid().ToString("N"));

    public FileLinksTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_target_holds_the_content_replaces_an_old_file_and_outlives_the_source()
    {
        var from = Path.Combine(_dir, "run", "a.json");
        var to = Path.Combine(_dir, "current", "json", "a.json");
        Directory.CreateDirectory(Path.GetDirectoryName(from)!);
        File.WriteAllText(from, "新的");
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.WriteAllText(to, "old");

        FileLinks.LinkOrCopy(from, to);
        File.Delete(from); // a run folder removed by retention

        Assert.Equal("新的", File.ReadAllText(to));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(to)!)); // no temporary name left behind
    }

    [Fact]
    public void On_Unix_it_is_a_link_on_Windows_a_copy()
    {
        var from = Path.Combine(_dir, "a.csv");
        var to = Path.Combine(_dir, "b.csv");
        File.WriteAllText(from, "one");

        var linked = FileLinks.LinkOrCopy(from, to);
        // changed in place (the worker never does this): a link shows it under both names, a copy does not
        using (var stream = new FileStream(from, FileMode.Open, FileAccess.Write))
        {
            stream.Write("two"u8);
        }

        Assert.Equal(!OperatingSystem.IsWindows(), linked);
        Assert.Equal(linked ? "two" : "one", File.ReadAllText(to));
    }
}
