using System.CommandLine;
using System.CommandLine.Invocation;
using DisclosureExtract.Export;

namespace DisclosureExtract.Cli;

/// <summary>
/// <c>--version</c>: the version (Directory.Build.props) and the git commit of this build, the same
/// <see cref="Generator"/> that every JSON document names, instead of System.CommandLine's default, which prints the
/// entry assembly's informational version.
/// </summary>
internal static class VersionText
{
    public static string Line => $"disclosure-extract {Generator.Current.Version} (commit {Generator.Current.Commit})";

    /// <summary>Makes the root command's <c>--version</c> print <see cref="Line"/> to <paramref name="stdout"/>.</summary>
    public static void Use(RootCommand root, TextWriter stdout)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new Print(stdout);
        }
    }

    private sealed class Print(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(Line);
            return CliApp.ExitOk;
        }
    }
}
