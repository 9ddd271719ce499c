using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Cli;

/// <summary>
/// bench: builds a corpus of N documents per format from the samples (copies with varied names; text and HTML copies
/// also differ in trailing white space, so they are not duplicates),
/// converts it in a child process (so peak memory is per run), and reports documents/s, pages/s (PDF),
/// MB/s (text), peak memory, the speed-up of all cores over one, and `pdftotext -layout` on the same PDFs.
/// </summary>
public static class BenchVerb
{
    private static readonly string[] Formats = ["text", "html", "pdf"];

    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var docs = new Option<int>("--docs", "-n") { Description = "Documents per format.", DefaultValueFactory = _ => 200 };
        var formats = new Option<string>("--formats") { Description = "Comma-separated: text,html,pdf.", DefaultValueFactory = _ => "text,html,pdf" };
        var corpus = new Option<string>("--corpus") { Description = "Sample corpus folder with text/, html/, pdf/.", DefaultValueFactory = _ => "corpus" };
        var work = new Option<string>("--work") { Description = "Scratch folder (deleted afterwards).", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "dx-bench") };
        var repeat = new Option<int>("--repeat", "-r") { Description = "Runs of each kind, interleaved; the fastest is reported, with the slowest beside it (machines drift).", DefaultValueFactory = _ => 1 };
        var write = new Option<string?>("--write") { Description = "Also append the figures as Markdown to this file (e.g. bench/results.md), which keeps earlier runs." };
        var folder = new Option<string?>("--folder") { Description = "Folder of PDFs for the pdf format (default <corpus>/real, the real disclosures); each file is copied --copies times." };
        var copiesOpt = new Option<int>("--copies") { Description = "Copies of each PDF of --folder (pdf format).", DefaultValueFactory = _ => 3 };
        var noFormatCosts = new Option<bool>("--no-format-costs") { Description = "Skip measuring what each output format (xlsx, sqlite, parquet, report) adds to a one-job run." };
        var cmd = new Command("bench", "Measure conversion speed and memory on copies of the sample corpus.") { docs, formats, corpus, folder, copiesOpt, work, repeat, write, noFormatCosts };
        cmd.SetAction(parse =>
        {
            var n = parse.GetValue(docs);
            var fs = (parse.GetValue(formats) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (n < 1 || fs.Length == 0 || fs.Any(f => !Formats.Contains(f)) || parse.GetValue(repeat) < 1 || parse.GetValue(copiesOpt) < 1)
            {
                stderr.WriteLine("error: --docs, --copies and --repeat must be at least 1 and --formats a list of text, html, pdf");
                return CliApp.ExitUsage;
            }

            var pdfFolder = parse.GetValue(folder) ?? Path.Combine(parse.GetValue(corpus)!, "real");
            return Run(n, fs, parse.GetValue(repeat), parse.GetValue(corpus)!, new PdfSource(pdfFolder, parse.GetValue(copiesOpt)), parse.GetValue(work)!, parse.GetValue(write), !parse.GetValue(noFormatCosts), stdout, stderr);
        });
        return cmd;
    }

    /// <param name="Seconds">Start to exit, wall.</param>
    /// <param name="PerDocumentMs">From the first document's line to the last one's, per document in between: the
    /// steady cost of a document, without start-up or the end of the batch (null for fewer than two documents).</param>
    /// <param name="EndSeconds">From the last document's line to the summary line: the end of the batch (the long
    /// CSV files, the SQLite file, the Parquet files, the review index).</param>
    private sealed record RunFigures(double Seconds, long PeakBytes, double CpuSeconds, double? PerDocumentMs = null, double? EndSeconds = null);

    /// <summary>Where the PDFs come from: every PDF of a folder, each copied <see cref="Copies"/> times.</summary>
    private sealed record PdfSource(string Folder, int Copies);

    /// <summary>One measured run: how many documents at once, whether the process is pinned to one CPU, and (PDF, several
    /// jobs) whether PDFs are read in reader processes, one per job (`--pdf-processes`), instead of the converting one.</summary>
    private sealed record RunKind(int Jobs, bool OneCpu, bool PdfProcesses = false)
    {
        public string Label => OneCpu ? "1 (pinned to 1 CPU)" : PdfProcesses ? $"{Jobs}, PDF reader processes" : Jobs.ToString(CultureInfo.InvariantCulture);

        public string Words => OneCpu ? "one job pinned to one CPU" : Jobs == 1 ? "one job" : PdfProcesses ? $"{Jobs} jobs with PDF reader processes" : $"{Jobs} jobs";
    }

    /// <summary>The output format sets whose cost is measured: the CSV and JSON written before issue 17 alone, each
    /// new format added to them, and the default (all).</summary>
    private static readonly (string Label, string Formats)[] FormatSets =
    [
        ("csv,json (base)", "csv,json"),
        ("+ xlsx", "csv,json,xlsx"),
        ("+ sqlite", "csv,json,sqlite"),
        ("+ parquet", "csv,json,parquet"),
        ("+ report", "csv,json,report"),
        ("all (default)", Export.OutputFormatList.AllNames),
    ];

    private static int Run(int docs, string[] formats, int repeat, string corpus, PdfSource pdf, string work, string? writePath, bool formatCosts, TextWriter stdout, TextWriter stderr)
    {
        var report = new StringBuilder();
        var code = System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled ? "JIT-compiled (the framework-dependent build or the tool)" : "Native AOT (the published binary)";
        var budget = CollectorSettings.Gen0MaxBudgetBytes is > 0 and var b ? $", gen0 budget at most {b >> 20} MB" : string.Empty;
        var collector = $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collector{budget}";
        var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {code}, {collector}";
        report.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        report.AppendLine();
        var load = File.Exists("/proc/loadavg") ? $" Load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}." : string.Empty;
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}.{load} {docs} documents per text/html format, copies of `{corpus}/`; PDF: each PDF of `{pdf.Folder}` copied {pdf.Copies} times. Each run is a separate process (`convert --no-progress`), so process start-up (and JIT compilation, where there is a JIT) is included and peak memory is that run's. \"pinned\" runs are started with `taskset -c 0`: the whole process (garbage collector and JIT threads too) shares one CPU. CPU s is the process's user + system time.");
        report.AppendLine();
        if (repeat > 1)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"Each kind of run was made {repeat} times, the kinds interleaved; the table gives the fastest run (its CPU seconds and peak memory) and the slowest run's seconds.");
            report.AppendLine();
        }

        report.AppendLine("| format | docs | jobs | seconds | docs/s | MB/s | pages/s | CPU s | peak MB | slowest s | × pdftotext |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var kinds = new List<RunKind> { new(1, false) };
        if (CanPin())
        {
            kinds.Add(new RunKind(1, true));
        }

        if (Environment.ProcessorCount > 1)
        {
            kinds.Add(new RunKind(Environment.ProcessorCount, false, PdfProcesses: true)); // PDF only
            kinds.Add(new RunKind(Environment.ProcessorCount, false));
        }

        var notes = new List<string>();
        var costs = new List<string>();
        if (Environment.ProcessorCount > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"machine: a CPU-bound loop (integer arithmetic, no memory traffic) on {Environment.ProcessorCount} threads does {CoreScaling():0.00}× the work of one thread in the same time: the ceiling of any speed-up of all cores over one job here"));
        }

        foreach (var format in formats)
        {
            var samples = format == "pdf" ? PdfFiles(pdf.Folder) : SampleFiles(corpus, format);
            if (samples.Count == 0)
            {
                stderr.WriteLine(format == "pdf" ? $"no PDFs in {pdf.Folder}" : $"no {format} samples under {corpus}/{format}");
                return CliApp.ExitSomeFailed;
            }

            var n = format == "pdf" ? samples.Count * pdf.Copies : docs;
            var inDir = Path.Combine(work, format);
            var copies = MakeCopies(samples, inDir, n);
            var bytes = copies.Sum(f => new FileInfo(f).Length);
            // a PDF that cannot be opened (encrypted, damaged) is converted and fails in every run, as in any batch
            var pageCounts = format == "pdf" ? samples.Select(PdfDocumentReader.PageCount).ToList() : [];
            var pages = pageCounts.Sum(c => c ?? 0) * pdf.Copies;
            if (pageCounts.Count(c => c is null) is > 0 and var unreadable)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"pdf: {unreadable} of the {samples.Count} PDFs of `{pdf.Folder}` could not be opened (encrypted or damaged; {string.Join(", ", samples.Where((_, i) => pageCounts[i] is null).Select(Path.GetFileName))}): they are converted (and fail) in every run and `pdftotext` tries them, but their pages are not counted in pages/s"));
            }

            var formatKinds = kinds.Where(k => !k.PdfProcesses || format == "pdf").ToList();
            var runs = formatKinds.ToDictionary(k => k, _ => new List<RunFigures>());
            var poppler = new List<double>();
            var popplerAllCores = new List<double>();
            for (var r = 0; r < repeat; r++)
            {
                if (format == "pdf" && PdfToText(copies, 1) is { } s)
                {
                    poppler.Add(s);
                    if (Environment.ProcessorCount > 1 && PdfToText(copies, Environment.ProcessorCount) is { } sAll)
                    {
                        popplerAllCores.Add(sAll);
                    }
                }

                foreach (var kind in formatKinds)
                {
                    var run = Convert(inDir, Path.Combine(work, $"{format}-out"), kind, null, stderr);
                    if (run is null)
                    {
                        return CliApp.ExitSomeFailed;
                    }

                    runs[kind].Add(run);
                }
            }

            double? popplerSeconds = poppler.Count > 0 ? poppler.Min() : null;
            if (format == "pdf" && popplerSeconds is null)
            {
                notes.Add("pdf: `pdftotext` (poppler-utils) is not installed here: no ratio to it");
            }

            var figures = new Dictionary<RunKind, RunFigures>();
            foreach (var kind in formatKinds)
            {
                var fig = runs[kind].MinBy(f => f.Seconds)!;
                var slowest = runs[kind].Max(f => f.Seconds);
                figures[kind] = fig;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {format} | {n} | {kind.Label} | {fig.Seconds:0.00} | {n / fig.Seconds:0.0} | {(format == "pdf" ? "" : (bytes / 1e6 / fig.Seconds).ToString("0.00", CultureInfo.InvariantCulture))} | {(format == "pdf" ? (pages / fig.Seconds).ToString("0.0", CultureInfo.InvariantCulture) : "")} | {fig.CpuSeconds:0.0} | {fig.PeakBytes / 1e6:0} | {slowest:0.00} | {(popplerSeconds is { } ps ? (fig.Seconds / ps).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "")} |");
                report.AppendLine(line);
                stdout.WriteLine(line);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{format}, {kind.Words}: {fig.Seconds / n * 1000:0.00} ms per document ({n / fig.Seconds:0} documents/s)"));
            }

            var one = figures[kinds[0]];
            if (popplerSeconds is { } pop)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"pdf: `pdftotext -layout` on the same {copies.Count} files ({pages} pages), one file after another, took {pop:0.00} s (fastest of {poppler.Count}; {pages / pop:0.0} pages/s); DisclosureExtract with one job took {one.Seconds:0.00} s: ratio {one.Seconds / pop:0.00}×, with {kinds[^1].Words} {figures[kinds[^1]].Seconds / pop:0.00}× (reading, tables, validation and writing, against text extraction alone)"));
                if (popplerAllCores.Count > 0)
                {
                    var popAll = popplerAllCores.Min();
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"pdf: `pdftotext -layout` with {Environment.ProcessorCount} files at a time took {popAll:0.00} s, {pop / popAll:0.00}× as fast as one after another (its own speed-up on this machine); DisclosureExtract with {kinds[^1].Words} took {figures[kinds[^1]].Seconds / popAll:0.00}× its time"));
                }
            }

            if (kinds.Count > 1 && kinds[^1].Jobs > 1)
            {
                var all = figures[kinds[^1]];
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{format}: {kinds[^1].Jobs} jobs are {one.Seconds / all.Seconds:0.00}× as fast as one job"));
                if (formatKinds.Find(k => k.PdfProcesses) is { } processes)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{format}: {kinds[^1].Jobs} jobs with PDF reader processes are {one.Seconds / figures[processes].Seconds:0.00}× as fast as one job, {all.Seconds / figures[processes].Seconds:0.00}× as fast as reading in-process (peak memory {figures[processes].PeakBytes / 1e6:0} MB, the sum of the processes' peaks, against {all.PeakBytes / 1e6:0} MB)"));
                }
                if (kinds.Find(k => k.OneCpu) is { } pinned)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{format}: {kinds[^1].Jobs} jobs on {Environment.ProcessorCount} CPUs are {figures[pinned].Seconds / all.Seconds:0.00}× as fast as one job pinned to one CPU"));
                }
            }

            if (formatCosts && !MeasureFormats(format, n, repeat, inDir, work, costs, notes, stdout, stderr))
            {
                return CliApp.ExitSomeFailed;
            }

            Directory.Delete(inDir, recursive: true);
        }

        if (costs.Count > 0)
        {
            report.AppendLine();
            report.AppendLine("Cost of each output format (one job; each column the lowest of the runs; `+ x` is csv,json and x). \"steady\" is the time from the first document's line to the last one's, per document: no start-up, no end of batch; \"end of batch\" is from the last document to the summary (the long CSV files, the last of the SQLite and Parquet files — built while documents convert —, the review index):");
            report.AppendLine();
            report.AppendLine("| format | output formats | seconds | ms per document | steady ms per document | end of batch s | CPU s | over csv,json |");
            report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var line in costs)
            {
                report.AppendLine(line);
            }
        }

        report.AppendLine();
        foreach (var note in notes)
        {
            report.AppendLine("- " + note);
            stdout.WriteLine(note);
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        if (writePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(writePath))!);
            var separator = File.Exists(writePath) && new FileInfo(writePath).Length > 0 ? Environment.NewLine : string.Empty;
            File.AppendAllText(writePath, separator + report.ToString().Replace("# Benchmark (", "## Benchmark (", StringComparison.Ordinal));
            stdout.WriteLine($"figures appended to {writePath}");
        }

        return CliApp.ExitOk;
    }

    private static List<string> SampleFiles(string corpus, string format)
    {
        var dir = Path.Combine(corpus, format);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var ext = format switch { "text" => "*.txt", "html" => "*.html", _ => "*.pdf" };
        return Directory.GetFiles(dir, ext).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The PDFs `convert` would find in the folder: its subfolders too, any case of the extension.</summary>
    internal static List<string> PdfFiles(string folder) => Directory.Exists(folder)
        ? InputDiscovery.Discover([folder])
            .Where(f => f.SkipReason is null && f.Path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Path)
            .ToList()
        : [];

    private static List<string> MakeCopies(List<string> samples, string dir, int n)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        var result = new List<string>(n);
        for (var i = 0; i < n; i++)
        {
            var src = samples[i % samples.Count];
            var dst = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(src)}-copy{i:00000}{Path.GetExtension(src)}"));
            File.Copy(src, dst);
            if (!string.Equals(Path.GetExtension(src), ".pdf", StringComparison.OrdinalIgnoreCase))
            {
                // trailing white space makes each copy's bytes its own, so that copies are not duplicates (whose rows
                // would be dropped) and the long tables, the SQLite file and the Parquet files hold every copy's rows
                File.AppendAllText(dst, "\n" + new string(' ', i / 100) + new string('\n', i % 100));
            }

            result.Add(dst);
        }

        return result;
    }

    /// <summary>taskset (util-linux) starts a process on given CPUs; without it there is no pinned run.</summary>
    private static bool CanPin()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            using var p = Process.Start(new ProcessStartInfo("taskset", ["-c", "0", "true"]) { UseShellExecute = false, RedirectStandardError = true })!;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>One job with each set of output formats, interleaved; appends a table row per set and a note for the default.</summary>
    private static bool MeasureFormats(string format, int n, int repeat, string inDir, string work, List<string> costs, List<string> notes, TextWriter stdout, TextWriter stderr)
    {
        var runs = FormatSets.ToDictionary(s => s.Formats, _ => new List<RunFigures>());
        for (var r = 0; r < repeat; r++)
        {
            foreach (var (_, set) in FormatSets)
            {
                var run = Convert(inDir, Path.Combine(work, $"{format}-formats-out"), new RunKind(1, false), set, stderr);
                if (run is null)
                {
                    return false;
                }

                runs[set].Add(run);
            }
        }

        var baseline = runs[FormatSets[0].Formats].Min(f => f.Seconds);
        foreach (var (label, set) in FormatSets)
        {
            var fig = runs[set].MinBy(f => f.Seconds)!;
            var steady = runs[set].Min(f => f.PerDocumentMs);
            var end = runs[set].Min(f => f.EndSeconds);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {format} | {label} | {fig.Seconds:0.00} | {fig.Seconds / n * 1000:0.00} | {steady:0.00} | {end:0.00} | {runs[set].Min(f => f.CpuSeconds):0.0} | {(set == FormatSets[0].Formats ? "" : $"{Change(fig.Seconds, baseline)}")} |");
            costs.Add(line);
            stdout.WriteLine(line);
        }

        var all = runs[FormatSets[^1].Formats].Min(f => f.Seconds);
        var baseCpu = runs[FormatSets[0].Formats].Min(f => f.CpuSeconds);
        var allCpu = runs[FormatSets[^1].Formats].Min(f => f.CpuSeconds);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{format}: all output formats (the default) take {Change(all, baseline)} the time of csv,json alone, one job ({all / n * 1000:0.00} against {baseline / n * 1000:0.00} ms per document), {Change(allCpu, baseCpu)} the CPU time{(format == "text" ? "; the limit is +30%" : "")}"));
        var baseSteady = runs[FormatSets[0].Formats].Min(f => f.PerDocumentMs);
        var allSteady = runs[FormatSets[^1].Formats].Min(f => f.PerDocumentMs);
        if (baseSteady is > 0 && allSteady is { } a)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{format}: of that, each document costs {Change(a, baseSteady.Value)} ({a:0.00} against {baseSteady:0.00} ms) and the end of the batch takes {runs[FormatSets[^1].Formats].Min(f => f.EndSeconds):0.00} s against {runs[FormatSets[0].Formats].Min(f => f.EndSeconds):0.00} s"));
        }
        return true;
    }

    /// <summary>"+12%", "-3%", "0%": the change from <paramref name="from"/> to <paramref name="to"/> (rounded first, so
    /// that a change smaller than half a percent is not printed as "-+0%").</summary>
    private static string Change(double to, double from) =>
        Math.Round((to / from - 1) * 100).ToString("+0;-0;0", CultureInfo.InvariantCulture) + "%";

    private static RunFigures? Convert(string inDir, string outDir, RunKind kind, string? outputFormats, TextWriter stderr)
    {
        var self = ProgramCommand.ThisProgram(typeof(BenchVerb).Assembly.GetName().Name!,
            "convert", inDir, "--out", outDir, "--jobs", kind.Jobs.ToString(CultureInfo.InvariantCulture), "--no-progress");
        var psi = new ProcessStartInfo(kind.OneCpu ? "taskset" : self.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in kind.OneCpu ? ["-c", "0", self.FileName, .. self.Arguments] : self.Arguments)
        {
            psi.ArgumentList.Add(a);
        }

        if (kind.PdfProcesses)
        {
            psi.ArgumentList.Add("--pdf-processes");
            psi.ArgumentList.Add(kind.Jobs.ToString(CultureInfo.InvariantCulture));
        }

        if (outputFormats is not null)
        {
            psi.ArgumentList.Add("--formats");
            psi.ArgumentList.Add(outputFormats);
        }

        psi.Environment["DX_REPORT_PEAK_MEMORY"] = "1";
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        long peak = 0;
        double cpu = 0;
        double? firstDocument = null, lastDocument = null, summary = null;
        var documents = 0;
        string? line;
        while ((line = p.StandardOutput.ReadLine()) is not null)
        {
            if (summary is null && IsSummary(line))
            {
                summary = watch.Elapsed.TotalSeconds;
            }
            else if (summary is null)
            {
                // --no-progress prints a line as each document is done, the summary after the batch is written
                lastDocument = watch.Elapsed.TotalSeconds;
                firstDocument ??= lastDocument;
                documents++;
            }
            else if (line.StartsWith("peak_memory_bytes=", StringComparison.Ordinal))
            {
                peak = long.Parse(line["peak_memory_bytes=".Length..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("cpu_seconds=", StringComparison.Ordinal))
            {
                cpu = double.Parse(line["cpu_seconds=".Length..], CultureInfo.InvariantCulture);
            }
        }

        p.WaitForExit();
        watch.Stop();
        if (p.ExitCode is not (0 or 1))
        {
            stderr.WriteLine($"convert failed with exit code {p.ExitCode}: {errTask.Result}");
            return null;
        }

        Directory.Delete(outDir, recursive: true);
        return new RunFigures(watch.Elapsed.TotalSeconds, peak, cpu,
            documents > 1 ? (lastDocument - firstDocument) * 1000 / (documents - 1) : null,
            summary - lastDocument);
    }

    /// <summary>The summary line of `convert`: "N documents: … Output in DIR".</summary>
    private static bool IsSummary(string line) =>
        line.Contains(" documents", StringComparison.Ordinal) && line.Contains("Output in ", StringComparison.Ordinal);

    /// <summary>Runs `pdftotext -layout` on every file, <paramref name="processes"/> files at a time (each worker takes
    /// the next file when its last is done); the seconds, or null when poppler-utils is not installed.</summary>
    private static double? PdfToText(List<string> files, int processes)
    {
        var watch = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, processes).Select(_ => Task.Run(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Count)
            {
                if (!PdfToText(files[i]))
                {
                    return false;
                }
            }

            return true;
        })).ToArray();
        return Task.WhenAll(workers).GetAwaiter().GetResult().All(ok => ok) ? watch.Elapsed.TotalSeconds : null;
    }

    /// <summary>`pdftotext -layout FILE /dev/null`; false when poppler-utils is not installed.</summary>
    private static bool PdfToText(string file)
    {
        var psi = new ProcessStartInfo("pdftotext") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add("-layout");
        psi.ArgumentList.Add(file);
        psi.ArgumentList.Add("/dev/null");
        try
        {
            using var p = Process.Start(psi)!;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>How much more work a CPU-bound loop gets done on every core than on one in the same time (fastest of
    /// three interleaved rounds each): what this machine gives any program that runs one job per core. A virtual
    /// machine's cores may share a physical core or its caches with other guests.</summary>
    private static double CoreScaling()
    {
        const int Iterations = 300_000_000;
        var cores = Environment.ProcessorCount;
        double one = double.MaxValue, all = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            one = Math.Min(one, SpinSeconds(1, Iterations));
            all = Math.Min(all, SpinSeconds(cores, Iterations));
        }

        return cores * one / all;
    }

    /// <summary>Seconds for <paramref name="threads"/> threads to run <paramref name="iterations"/> steps of a xorshift
    /// generator each (each stores its result, so the loop is not optimized away).</summary>
    private static double SpinSeconds(int threads, int iterations)
    {
        var results = new ulong[threads];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var x = 0x9E3779B97F4A7C15UL + (ulong)t;
            for (var i = 0; i < iterations; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }

            results[t] = x;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return watch.Elapsed.TotalSeconds;
    }
}
