namespace DisclosureExtract.Tests;

/// <summary>Locates the repository (the folder with DisclosureExtract.sln) from the test binaries.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DisclosureExtract.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    });

    public static string Root => RootDir.Value;

    public static string Corpus(params string[] parts) => Path.Combine([Root, "corpus", .. parts]);

    public static string Golden(params string[] parts) => Path.Combine([Root, "tests", "DisclosureExtract.Tests", "Golden", .. parts]);

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "dx-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }
}
