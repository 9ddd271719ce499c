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

    /// <summary>A new empty folder under this test run's own temporary folder, which is deleted when the run ends, or,
    /// where the test host is ended without running exit handlers, by the first run more than a day later (tests need
    /// not clean up after themselves, and runs do not pile up in /tmp).</summary>
    public static string TempDir()
    {
        var d = Path.Combine(RunTemp.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    private static readonly Lazy<string> RunTemp = new(() =>
    {
        foreach (var stale in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories("dx-tests-*").Where(d => d.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
        {
            TryDelete(stale.FullName);
        }

        var root = Path.Combine(Path.GetTempPath(), "dx-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    });

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // in use or already gone: left for a later run
        }
        catch (UnauthorizedAccessException)
        {
            // made unreadable by a test: left for a later run
        }
    }
}
