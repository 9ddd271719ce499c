using System.Diagnostics;
using System.Text.Json;
using DisclosureExtract.Cli;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Shipping;

/// <summary>The version (Directory.Build.props) and commit: printed by --version and written into every JSON document.</summary>
public class VersionTests
{
    [Fact]
    public void Version_option_prints_the_version_and_the_commit_of_this_build()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, CliApp.Run(["--version"], stdout, new StringWriter()));

        Assert.Equal($"disclosure-extract {Generator.Current.Version} (commit {Generator.Current.Commit})", stdout.ToString().Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", Generator.Current.Version);
        if (GitHead() is { } head)
        {
            Assert.Equal(head, Generator.Current.Commit); // built from this clone
        }
    }

    [Theory]
    [InlineData("0.9.0+3c50f98e259d00216128e5764c41392204378742", "0.9.0", "3c50f98e259d00216128e5764c41392204378742")]
    [InlineData("0.9.0", "0.9.0", "unknown")] // built without .git (a Docker build context)
    [InlineData("1.0.0-rc.1+", "1.0.0-rc.1", "unknown")]
    [InlineData(null, "0.0.0", "unknown")]
    public void The_commit_is_unknown_when_the_build_had_no_git_repository(string? informational, string version, string commit)
    {
        Assert.Equal(new Generator("DisclosureExtract", version, commit), Generator.Parse(informational));
    }

    [Fact]
    public void Each_json_document_names_the_build_that_wrote_it_first()
    {
        var dir = TestPaths.TempDir();
        CliApp.Run(["convert", TestPaths.Corpus("text", "tekes-2023.txt"), "--out", dir, "--no-progress"], new StringWriter(), new StringWriter());

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "json", "tekes-2023.json")));
        var first = json.RootElement.EnumerateObject().First();
        Assert.Equal("generator", first.Name);
        Assert.Equal("DisclosureExtract", first.Value.GetProperty("name").GetString());
        Assert.Equal(Generator.Current.Version, first.Value.GetProperty("version").GetString());
        Assert.Equal(Generator.Current.Commit, first.Value.GetProperty("commit").GetString());
        Assert.DoesNotContain("generator", File.ReadAllLines(Path.Combine(dir, "documents.csv"))[0], StringComparison.Ordinal);
    }

    /// <summary>The commit checked out in this clone, or null without git or .git.</summary>
    private static string? GitHead()
    {
        if (!Path.Exists(Path.Combine(TestPaths.Root, ".git")))
        {
            return null;
        }

        try
        {
            var psi = new ProcessStartInfo("git", ["-C", TestPaths.Root, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var head = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && head.Length == 40 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the machine
        }
    }
}
