using System.CommandLine;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using Spectre.Console;

namespace DisclosureExtract.Cli;

/// <summary>The command line: System.CommandLine for parsing, Spectre.Console for the progress bar.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitSomeFailed = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("DisclosureExtract: Chinese budget disclosures (部门预算公开) to normalized CSV and JSON.");
        root.Subcommands.Add(ConvertCommand(stdout, stderr));
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

    private static Command ConvertCommand(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders (searched recursively) to convert.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "output" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents converted in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any document has a validation error." };
        var progress = new Option<bool>("--no-progress") { Description = "Plain lines instead of a progress bar." };
        var cmd = new Command("convert", "Convert disclosures (text, HTML, PDF) into documents.csv, line_items.csv, findings.csv, json/ and tables/.")
        {
            inputs, outDir, jobs, strict, progress,
        };
        cmd.SetAction(parse =>
        {
            var request = new ConvertRequest(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(outDir) ?? "output",
                parse.GetValue(jobs),
                parse.GetValue(strict),
                !parse.GetValue(progress) && !Console.IsOutputRedirected && stdout == Console.Out);
            return ConvertVerb.Run(request, stdout, stderr);
        });
        return cmd;
    }
}

public sealed record ConvertRequest(IReadOnlyList<string> Inputs, string OutDir, int Jobs, bool Strict, bool ProgressBar);

/// <summary>The convert verb: discover inputs, convert in parallel, write outputs, report, choose the exit code.</summary>
public static class ConvertVerb
{
    public static int Run(ConvertRequest request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (request.Jobs < 1)
        {
            stderr.WriteLine("error: --jobs must be at least 1");
            return CliApp.ExitUsage;
        }

        var outFull = Path.GetFullPath(request.OutDir);
        foreach (var input in request.Inputs)
        {
            var inFull = Path.GetFullPath(input);
            if (Directory.Exists(inFull) && IsInside(outFull, inFull))
            {
                stderr.WriteLine($"error: the output folder {request.OutDir} is inside the input folder {input}; choose another --out");
                return CliApp.ExitUsage;
            }
        }

        var (files, skipped) = InputDiscovery.Discover(request.Inputs);
        foreach (var s in skipped)
        {
            stderr.WriteLine($"skipped {s.Path}: {s.Reason}");
        }

        if (files.Count == 0)
        {
            stderr.WriteLine("error: no input files found");
            return CliApp.ExitUsage;
        }

        var batch = new BatchConverter(new DisclosurePipeline());
        IReadOnlyList<ConversionResult> results;
        if (request.ProgressBar)
        {
            results = [];
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("converting", maxValue: files.Count);
                    results = batch.ConvertAll(files, request.Jobs, _ => task.Increment(1));
                });
        }
        else
        {
            var gate = new object();
            results = batch.ConvertAll(files, request.Jobs, r =>
            {
                lock (gate)
                {
                    stdout.WriteLine(Describe(r));
                }
            });
        }

        OutputWriter.Write(request.OutDir, results);
        var failed = results.Count(r => r.Status == ConversionStatus.Failed);
        var partial = results.Count(r => r.Status == ConversionStatus.Partial);
        var withErrors = results.Count(r => r.Findings.Any(f => f.Severity == Severity.Error));
        stdout.WriteLine($"{results.Count} documents: {results.Count - failed - partial} converted, {partial} partial, {failed} failed; {withErrors} with validation errors. Output in {request.OutDir}");
        foreach (var r in results.Where(r => r.Status == ConversionStatus.Failed))
        {
            stderr.WriteLine($"failed {r.SourceFile}: {r.Error}");
        }

        if (failed > 0 || skipped.Count > 0)
        {
            return CliApp.ExitSomeFailed;
        }

        return request.Strict && withErrors > 0 ? CliApp.ExitSomeFailed : CliApp.ExitOk;
    }

    private static string Describe(ConversionResult r) =>
        $"{ConversionResult.StatusKey(r.Status),-9} {r.DocumentId}: {r.Tables.Count} tables, {r.Findings.Count} findings{(r.Error is null ? string.Empty : " — " + r.Error)}";

    private static bool IsInside(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal);
    }
}
