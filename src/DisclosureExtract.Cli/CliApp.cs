using System.CommandLine;

namespace DisclosureExtract.Cli;

/// <summary>The command line: System.CommandLine for parsing; each verb lives in a class of its own.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitSomeFailed = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = new RootCommand("DisclosureExtract: Chinese budget disclosures (部门预算公开) to normalized CSV and JSON.");
        root.Subcommands.Add(ConvertVerb.Command(stdout, stderr));
        root.Subcommands.Add(MergeVerb.Command(stdout, stderr));
        root.Subcommands.Add(BenchVerb.Command(stdout, stderr));
        root.Subcommands.Add(InspectVerb.Command(stdout, stderr));
        VersionText.Use(root, stdout);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"error: {e.Message}");
            }

            stderr.WriteLine("Run with --help for usage.");
            return ExitUsage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
