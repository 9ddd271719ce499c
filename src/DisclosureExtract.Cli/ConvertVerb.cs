using System.CommandLine;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;
using Spectre.Console;

namespace DisclosureExtract.Cli;

public sealed record ConvertRequest(
    IReadOnlyList<string> Inputs,
    string OutDir,
    int Jobs,
    bool Strict,
    bool ProgressBar,
    Shard Shard,
    ConvertOptions Limits,
    OutputFormats Formats = OutputFormats.All,
    int? PdfProcesses = null,
    ProgramCommand? PdfReaderCommand = null)
{
    /// <summary>PDF reader processes for a batch of <paramref name="files"/>: as asked (0, the default: read in this
    /// process; never more than the files or the jobs could use).</summary>
    public int PdfReaderProcesses(int files) => Math.Min(PdfProcesses ?? 0, Math.Min(Jobs, files));
}

/// <summary>The convert verb: discover inputs, convert in parallel, stream outputs, report, choose the exit code.</summary>
public static class ConvertVerb
{
    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders (searched recursively) to convert.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder (replaced as a whole when the run ends).", DefaultValueFactory = _ => "output" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents converted in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any document has a validation error." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Plain lines instead of a progress bar." };
        var shard = new Option<string>("--shard") { Description = "Convert only slice i of n (i/n, e.g. 2/8), chosen by a hash of each document id; join with `merge`.", DefaultValueFactory = _ => "1/1" };
        var maxMb = new Option<int>("--max-file-mb") { Description = "Files larger than this are not read.", DefaultValueFactory = _ => (int)(ConvertOptions.Default.MaxFileBytes / (1024 * 1024)) };
        var maxPages = new Option<int>("--max-pages") { Description = "PDFs with more pages are not read.", DefaultValueFactory = _ => ConvertOptions.Default.MaxPages };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed for one document.", DefaultValueFactory = _ => (int)ConvertOptions.Default.Timeout.TotalSeconds };
        var pdfProcesses = new Option<int?>("--pdf-processes") { Description = "Read PDFs in this many separate processes (default 0: in this one). A crash of the PDF library then costs one file, and the time limit stops its work; more memory (README)." };
        var formats = new Option<string>("--formats") { Description = $"Comma-separated output formats (documents.csv is always written): {OutputFormatList.AllNames}.", DefaultValueFactory = _ => OutputFormatList.AllNames };
        var cmd = new Command("convert", "Convert disclosures (text, HTML, PDF) into documents.csv, line_items.csv, findings.csv, json/, tables/, xlsx/, disclosures.sqlite, parquet/ and report/.")
        {
            inputs, outDir, jobs, strict, noProgress, shard, maxMb, maxPages, timeout, formats, pdfProcesses,
        };
        cmd.SetAction(parse =>
        {
            if (!Shard.TryParse(parse.GetValue(shard), out var slice))
            {
                stderr.WriteLine("error: --shard takes i/n with 1 <= i <= n, for example 2/8");
                return CliApp.ExitUsage;
            }

            if (parse.GetValue(maxMb) < 1 || parse.GetValue(maxPages) < 1 || parse.GetValue(timeout) < 1)
            {
                stderr.WriteLine("error: --max-file-mb, --max-pages and --timeout must be at least 1");
                return CliApp.ExitUsage;
            }

            if (!OutputFormatList.TryParse(parse.GetValue(formats), out var outputs))
            {
                stderr.WriteLine($"error: --formats takes a comma-separated list of {OutputFormatList.AllNames}");
                return CliApp.ExitUsage;
            }

            var request = new ConvertRequest(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(outDir) ?? "output",
                parse.GetValue(jobs),
                parse.GetValue(strict),
                !parse.GetValue(noProgress) && !Console.IsOutputRedirected && stdout == Console.Out,
                slice,
                new ConvertOptions(parse.GetValue(maxMb) * 1024L * 1024L, parse.GetValue(maxPages), TimeSpan.FromSeconds(parse.GetValue(timeout))),
                outputs,
                parse.GetValue(pdfProcesses));
            return Run(request, stdout, stderr);
        });
        return cmd;
    }

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

        if (request.PdfProcesses < 0)
        {
            stderr.WriteLine("error: --pdf-processes must be 0 or more");
            return CliApp.ExitUsage;
        }

        var outFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.OutDir));
        foreach (var input in request.Inputs)
        {
            var inFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input));
            if (Directory.Exists(inFull) && (IsInside(outFull, inFull) || IsInside(inFull, outFull)))
            {
                stderr.WriteLine($"error: the output folder {request.OutDir} overlaps the input folder {input}; choose another --out");
                return CliApp.ExitUsage;
            }
        }

        if (request.Formats.HasFlag(OutputFormats.Sqlite) && SqliteLibrary.Problem() is { } sqlite)
        {
            stderr.WriteLine($"error: {sqlite}, or leave sqlite out of --formats");
            return CliApp.ExitUsage;
        }

        var all = InputDiscovery.Discover(request.Inputs);
        if (all.Count == 0)
        {
            stderr.WriteLine("error: no input files found");
            return CliApp.ExitUsage;
        }

        // in document-id order, the order of the outputs: the SQLite and Parquet files are built as documents finish
        var files = request.Shard.Select(all).OrderBy(f => f.DocumentId, StringComparer.Ordinal).ToList();
        var readerProcesses = request.PdfReaderProcesses(files.Count);
        using var pdfReaders = readerProcesses > 0
            ? new PdfReaderProcessPool(request.PdfReaderCommand ?? ProgramCommand.PdfReaderOf(typeof(ConvertVerb).Assembly.GetName().Name!),
                readerProcesses, request.Limits.Timeout)
            : null;
        var batch = new BatchConverter(new DisclosurePipeline(request.Limits, DisclosurePipeline.DefaultReaders(pdfReaders)));
        var summary = new BatchSummary();
        using (var output = new BatchOutput(request.OutDir, formats: request.Formats, expectedIds: files.Select(f => f.DocumentId)))
        {
            void Done(ConversionResult r)
            {
                output.Add(r);
                summary.Count(r);
            }

            if (request.ProgressBar)
            {
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("converting", maxValue: files.Count);
                        batch.ConvertAll(files, request.Jobs, r =>
                        {
                            Done(r);
                            task.Increment(1);
                        });
                    });
            }
            else
            {
                var gate = new Lock();
                batch.ConvertAll(files, request.Jobs, r =>
                {
                    Done(r);
                    lock (gate)
                    {
                        stdout.WriteLine(Describe(r));
                    }
                });
            }

            output.Commit();
        }

        pdfReaders?.Dispose(); // the reader processes end and report their memory and CPU time
        if (pdfReaders?.StartFailure is { } noProcess)
        {
            stderr.WriteLine($"warning: PDFs were read in this process: {noProcess}");
        }

        var shardNote = request.Shard.Count > 1 ? $" (shard {request.Shard.Index}/{request.Shard.Count} of {all.Count})" : string.Empty;
        stdout.WriteLine($"{summary.Total} documents{shardNote}: {summary.Converted} converted, {summary.Partial} partial, {summary.Failed.Count} failed; {summary.WithErrors} with validation errors. Output in {request.OutDir}");
        foreach (var (file, error) in summary.Failed.OrderBy(f => f.File, StringComparer.Ordinal))
        {
            stderr.WriteLine($"failed {file}: {error}");
        }

        if (Environment.GetEnvironmentVariable("DX_REPORT_PEAK_MEMORY") == "1")
        {
            // with reader processes: this process's peak plus each reader's (an upper bound of the peak at any moment)
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            stdout.WriteLine($"peak_memory_bytes={self.PeakWorkingSet64 + (pdfReaders?.PeakBytesOfEndedProcesses ?? 0)}");
            stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cpu_seconds={(self.TotalProcessorTime + (pdfReaders?.CpuOfEndedProcesses ?? TimeSpan.Zero)).TotalSeconds:0.000}"));
            stdout.WriteLine($"pdf_reader_processes={pdfReaders?.StartedProcesses ?? 0}");
            stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pdf_reader_cpu_seconds={(pdfReaders?.CpuOfEndedProcesses ?? TimeSpan.Zero).TotalSeconds:0.000}"));
            stdout.WriteLine($"pdf_reader_peak_memory_bytes={pdfReaders?.PeakBytesOfEndedProcesses ?? 0}");
            stdout.WriteLine($"gc_collections={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
            stdout.WriteLine($"allocated_bytes={GC.GetTotalAllocatedBytes(precise: true)}");
            stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gc_pause_seconds={GC.GetTotalPauseDuration().TotalSeconds:0.000}"));
            stdout.WriteLine($"gc_server={System.Runtime.GCSettings.IsServerGC.ToString().ToLowerInvariant()}");
            stdout.WriteLine($"gc_gen0_max_budget_bytes={CollectorSettings.Gen0MaxBudgetBytes}");
            stdout.WriteLine($"code={(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled ? "jit" : "native_aot")}");
        }

        if (summary.Failed.Count > 0)
        {
            return CliApp.ExitSomeFailed;
        }

        return request.Strict && summary.WithErrors > 0 ? CliApp.ExitSomeFailed : CliApp.ExitOk;
    }

    private static string Describe(ConversionResult r) =>
        $"{ConversionResult.StatusKey(r.Status),-9} {r.DocumentId}: {r.Tables.Count} tables, {r.Findings.Count} findings{(r.Error is null ? string.Empty : " — " + r.Error)}";

    private static bool IsInside(string path, string folder) =>
        (path + Path.DirectorySeparatorChar).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Counts kept while the batch streams by (thread-safe).</summary>
    private sealed class BatchSummary
    {
        private readonly Lock _gate = new();

        public int Total { get; private set; }

        public int Converted { get; private set; }

        public int Partial { get; private set; }

        public int WithErrors { get; private set; }

        public List<(string File, string Error)> Failed { get; } = [];

        public void Count(ConversionResult r)
        {
            lock (_gate)
            {
                Total++;
                switch (r.Status)
                {
                    case ConversionStatus.Converted:
                        Converted++;
                        break;
                    case ConversionStatus.Partial:
                        Partial++;
                        break;
                    default:
                        Failed.Add((r.SourceFile, r.Error ?? "failed"));
                        break;
                }

                if (r.Findings.Any(f => f.Severity == Severity.Error))
                {
                    WithErrors++;
                }
            }
        }
    }
}
