using System.CommandLine;
using DisclosureExtract.Export;

namespace DisclosureExtract.Cli;

/// <summary>merge: joins the output folders of `convert --shard i/n` runs into one dataset.</summary>
public static class MergeVerb
{
    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var shards = new Argument<string[]>("shards") { Description = "Output folders of the shard runs.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Merged output folder.", DefaultValueFactory = _ => "output" };
        var cmd = new Command("merge", "Merge the outputs of sharded convert runs into one dataset (identical to an unsharded run).") { shards, outDir };
        cmd.SetAction(parse =>
        {
            var dirs = parse.GetValue(shards) ?? [];
            var target = parse.GetValue(outDir) ?? "output";
            try
            {
                OutputMerger.Merge(dirs, target);
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return CliApp.ExitSomeFailed;
            }

            stdout.WriteLine($"merged {dirs.Length} shard outputs into {target}");
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
