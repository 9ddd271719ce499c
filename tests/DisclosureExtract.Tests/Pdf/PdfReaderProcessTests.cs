using System.Diagnostics;
using System.Globalization;
using DisclosureExtract.Cli;
using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>PDFs read in reader processes (<see cref="PdfReaderProcessPool"/>, the command line tool started with
/// <see cref="PdfReaderServer.Argument"/>) must come back exactly as read in this process, and a process that dies,
/// hangs or is not a reader must cost one file at most.</summary>
public class PdfReaderProcessTests
{
    private static readonly string[] Pdfs =
    [
        TestPaths.Corpus("pdf", "shanghai_putuo_govoffice_2025_dept_budget.pdf"),
        TestPaths.Corpus("pdf", "shanghai_putuo_planning_2024_final_accounts.pdf"),
        TestPaths.Corpus("real", "changsha_public_security_bureau_2025_dept_budget.pdf"),
        TestPaths.Corpus("real", "jiangsu_high_court_2018_dept_budget.pdf"),
    ];

    /// <summary>The command line tool built beside the tests, started as a reader process.</summary>
    internal static ProgramCommand CliReader()
    {
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
            ? p
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new ProgramCommand(host, [Path.Combine(AppContext.BaseDirectory, "disclosure-extract.dll"), PdfReaderServer.Argument]);
    }

    private static List<string> Dump(SourceDocument doc) =>
        doc.Lines.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Index}|{l.Number}|{l.Page}|{l.IsHeading}|{l.Text}|{l.Norm}|{string.Join('\u001f', l.Cells?.Select(c => c.ToString()) ?? [])}")).ToList();

    [Fact]
    public void Documents_read_in_two_processes_are_the_documents_read_here()
    {
        using var pool = new PdfReaderProcessPool(CliReader(), 2, TimeSpan.FromSeconds(120));
        var read = Pdfs.AsParallel().WithDegreeOfParallelism(2).Select(path =>
        {
            var bytes = File.ReadAllBytes(path);
            return (Here: new PdfDocumentReader().Read("d", path, bytes, "sha"), There: pool.Read("d", path, bytes, "sha"));
        }).ToList();

        foreach (var (here, there) in read)
        {
            Assert.True(here.Lines.Count > 100);
            Assert.Equal(here.PageCount, there.PageCount);
            Assert.Equal(SourceFormat.Pdf, there.Format);
            Assert.Equal(("d", here.SourceFile, "sha"), (there.DocumentId, there.SourceFile, there.Sha256));
            Assert.Equal(Dump(here), Dump(there));
        }

        Assert.Null(pool.StartFailure);
        Assert.InRange(pool.StartedProcesses, 1, 2);
        pool.Dispose();
        Assert.True(pool.PeakBytesOfEndedProcesses > 10_000_000, "the processes report their peak memory as they end");
        Assert.True(pool.CpuOfEndedProcesses > TimeSpan.Zero);
    }

    [Fact]
    public void A_process_idle_longer_than_the_idle_limit_ends_and_the_next_file_starts_another()
    {
        using var pool = new PdfReaderProcessPool(CliReader(), 1, TimeSpan.FromSeconds(120), idleLimit: TimeSpan.FromMilliseconds(300));
        var bytes = File.ReadAllBytes(Pdfs[0]);
        var first = Dump(pool.Read("d", Pdfs[0], bytes, ""));
        Assert.Equal(1, pool.RunningProcesses);
        var watch = Stopwatch.StartNew();
        while (pool.RunningProcesses > 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(50);
        }

        Assert.Equal(0, pool.RunningProcesses);
        Assert.True(pool.PeakBytesOfEndedProcesses > 0, "an idle process that ends reports its peak memory");
        Assert.Equal(first, Dump(pool.Read("d", Pdfs[0], bytes, "")));
        Assert.Equal(2, pool.StartedProcesses);
    }

    [Fact]
    public void A_damaged_pdf_fails_with_the_message_it_gets_here_and_the_process_reads_on()
    {
        var bytes = File.ReadAllBytes(Pdfs[0]);
        var damaged = bytes.AsSpan(0, bytes.Length / 2).ToArray().Concat("\n%%EOF\n"u8.ToArray()).ToArray();
        var here = Assert.Throws<InputException>(() => new PdfDocumentReader().Read("d", "x.pdf", damaged, ""));
        using var pool = new PdfReaderProcessPool(CliReader(), 1, TimeSpan.FromSeconds(120));
        var there = Assert.Throws<InputException>(() => pool.Read("d", "x.pdf", damaged, ""));
        Assert.Equal(here.Message, there.Message);
        Assert.NotEmpty(pool.Read("d", Pdfs[0], bytes, "").Lines);
        Assert.Equal(1, pool.StartedProcesses);
    }

    [Fact]
    public void A_process_that_dies_fails_that_file_with_its_exit_code_and_the_next_file_gets_a_new_process()
    {
        // greets like a reader process, then dies with exit code 3 instead of answering
        var dying = new ProgramCommand("/bin/sh", ["-c", "printf 'RPXD\\001\\000\\000\\000'; head -c 1 >/dev/null; echo 'boom' >&2; exit 3"]);
        using var pool = new PdfReaderProcessPool(dying, 1, TimeSpan.FromSeconds(60));
        var bytes = File.ReadAllBytes(Pdfs[0]);
        var first = Assert.Throws<InputException>(() => pool.Read("d", "a.pdf", bytes, ""));
        Assert.StartsWith("the PDF reader process stopped while reading this file (exit code 3", first.Message, StringComparison.Ordinal);
        Assert.Contains("boom", first.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => pool.Read("d", "b.pdf", bytes, ""));
        Assert.Equal(2, pool.StartedProcesses);
        Assert.Equal(0, pool.RunningProcesses);
        Assert.Null(pool.StartFailure);
    }

    [Fact]
    public void A_read_over_the_time_limit_stops_its_process()
    {
        var hanging = new ProgramCommand("/bin/sh", ["-c", "printf 'RPXD\\001\\000\\000\\000'; exec sleep 600"]);
        using var pool = new PdfReaderProcessPool(hanging, 1, TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<InputException>(() => pool.Read("d", "a.pdf", File.ReadAllBytes(Pdfs[0]), ""));
        Assert.StartsWith("time limit: reading the PDF took longer than 0 s (--timeout); its reader process was stopped", ex.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("/nonexistent/disclosure-extract")]
    [InlineData("/bin/true")]
    public void A_program_that_cannot_start_or_is_no_reader_leaves_the_pdfs_to_this_process(string program)
    {
        using var pool = new PdfReaderProcessPool(new ProgramCommand(program, [PdfReaderServer.Argument]), 2, TimeSpan.FromSeconds(60));
        var bytes = File.ReadAllBytes(Pdfs[0]);
        Assert.Equal(Dump(new PdfDocumentReader().Read("d", Pdfs[0], bytes, "")), Dump(pool.Read("d", Pdfs[0], bytes, "")));
        Assert.NotNull(pool.StartFailure);
        Assert.Contains(program, pool.StartFailure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, null, 100, 0)]
    [InlineData(2, 2, 100, 2)]
    [InlineData(8, 8, 3, 3)]
    [InlineData(2, 4, 100, 2)]
    [InlineData(4, 2, 1, 1)]
    [InlineData(2, 0, 100, 0)]
    public void Convert_reads_pdfs_in_this_process_unless_asked_and_never_in_more_processes_than_it_can_use(int jobs, int? asked, int files, int expected)
    {
        var request = new ConvertRequest([], "out", jobs, false, false, Pipeline.Shard.All, Pipeline.ConvertOptions.Default, PdfProcesses: asked);
        Assert.Equal(expected, request.PdfReaderProcesses(files));
    }

    [Fact]
    public void Convert_writes_the_same_files_whether_pdfs_are_read_in_processes_or_here()
    {
        var input = TestPaths.TempDir();
        foreach (var pdf in Pdfs)
        {
            File.Copy(pdf, Path.Combine(input, Path.GetFileName(pdf)));
        }

        File.WriteAllBytes(Path.Combine(input, "broken.pdf"), "%PDF-1.4\nnot a pdf\n%%EOF\n"u8.ToArray());
        string Run(int processes)
        {
            var outDir = Path.Combine(TestPaths.TempDir(), "out");
            var request = new ConvertRequest([input], outDir, 2, false, false, Pipeline.Shard.All, Pipeline.ConvertOptions.Default,
                PdfProcesses: processes, PdfReaderCommand: CliReader());
            Assert.Equal(CliApp.ExitSomeFailed, ConvertVerb.Run(request, new StringWriter(), new StringWriter())); // broken.pdf
            return outDir;
        }

        var inProcesses = Run(2);
        var here = Run(0);
        var files = Directory.GetFiles(here, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(here, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(inProcesses, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(inProcesses, f)).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("json", "changsha_public_security_bureau_2025_dept_budget.json"), files);
        foreach (var f in files.Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".sqlite", StringComparison.Ordinal) && !f.EndsWith(".xlsx", StringComparison.Ordinal) && !f.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(here, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(inProcesses, f))), f);
        }

        foreach (var f in files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.Equal(WithoutCommit(File.ReadAllText(Path.Combine(here, f))), WithoutCommit(File.ReadAllText(Path.Combine(inProcesses, f))));
        }
    }

    private static string WithoutCommit(string json) =>
        string.Join('\n', json.Split('\n').Where(l => !l.Contains("\"commit\"", StringComparison.Ordinal)));
}
