using DisclosureExtract.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker.Tests;

/// <summary>Worker:Jobs (documents converted at once) and Worker:RunRetention (old run folders removed).</summary>
public sealed class JobsAndRetentionTests : IDisposable
{
    private readonly List<WorkerTestbed> _beds = [];

    public void Dispose()
    {
        foreach (var bed in _beds)
        {
            bed.Dispose();
        }
    }

    private WorkerTestbed Bed()
    {
        var bed = new WorkerTestbed();
        _beds.Add(bed);
        return bed;
    }

    /// <summary>Every file under a folder, by relative path, with its bytes (state.db excluded: it records times).</summary>
    private static SortedDictionary<string, byte[]> Files(string root, string folder) =>
        new(Directory.GetFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) || !Path.GetFileName(f).Equals("summary.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Path.Combine(root, folder), f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Outputs_and_state_do_not_depend_on_Jobs(int jobs)
    {
        var bed = Bed();
        var a = await bed.RunAsync();
        var versionsA = bed.Versions();
        var currentA = Files(bed.Output, "current");
        var runA = Files(bed.Output, Path.GetRelativePath(bed.Output, a.RunFolder));
        Directory.Delete(bed.Output, recursive: true);

        bed.Options.Jobs = jobs;
        var b = await bed.RunAsync();

        Assert.Equal(new RunCounts(4, 0, 0, 0, 0), b.Counts);
        Assert.Equal(a.RunFolder, b.RunFolder);
        Assert.Equal(versionsA, bed.Versions());
        var currentB = Files(bed.Output, "current");
        Assert.Equal(currentA.Keys, currentB.Keys);
        Assert.All(currentA, kv => Assert.Equal(kv.Value, currentB[kv.Key]));
        var runB = Files(bed.Output, Path.GetRelativePath(bed.Output, b.RunFolder));
        Assert.Equal(runA.Keys, runB.Keys);
        Assert.All(runA, kv => Assert.Equal(kv.Value, runB[kv.Key]));
    }

    [Fact]
    public async Task A_cancelled_run_with_several_jobs_records_whole_files_and_the_next_run_converts_the_rest()
    {
        var bed = Bed();
        bed.Options.Jobs = 3;
        using var cts = new CancellationTokenSource();
        var observer = new AfterFiles(2, cts.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bed.RunAsync(observer, cts.Token));

        Assert.Equal(2, bed.Versions().Count);
        Assert.Equal("interrupted", bed.Runs()[0].Status);
        var next = await bed.RunAsync();
        Assert.Equal(new RunCounts(2, 2, 0, 0, 0), next.Counts);
        Assert.Equal(4, bed.Versions().Count);
    }

    [Fact]
    public async Task Run_folders_older_than_the_retention_are_removed_unless_they_hold_current_files()
    {
        var bed = Bed();
        bed.Options.RunRetention = TimeSpan.FromDays(7);
        var first = await bed.RunAsync(); // converts all four: its folder holds the current files

        bed.Clock.Now = bed.Clock.Now.AddDays(1);
        var second = await bed.RunAsync(); // nothing changed: an empty run folder
        File.AppendAllText(Path.Combine(bed.Inbox, "kizilsu-2025.txt"), "\n附件：无\n");
        bed.DateInbox(bed.Clock.Now.AddHours(-1));
        bed.Clock.Now = bed.Clock.Now.AddDays(1);
        var third = await bed.RunAsync(); // one file converted anew
        Assert.Equal(1, third.Counts.Converted);

        bed.Clock.Now = bed.Clock.Now.AddDays(10);
        var fourth = await bed.RunAsync();

        Assert.True(Directory.Exists(first.RunFolder), "the first run's folder still holds three current documents");
        Assert.False(Directory.Exists(second.RunFolder), "an old run folder without current files is removed");
        Assert.True(Directory.Exists(third.RunFolder));
        Assert.True(Directory.Exists(fourth.RunFolder), "the run that just ended is kept");
        Assert.True(File.Exists(Path.Combine(bed.Current, "documents.csv")));
    }

    [Fact]
    public async Task Without_a_retention_every_run_folder_is_kept_and_a_version_whose_folder_is_gone_gets_its_files_back()
    {
        var bed = Bed();
        var first = await bed.RunAsync();
        bed.Clock.Now = bed.Clock.Now.AddDays(400);
        var second = await bed.RunAsync();
        Assert.True(Directory.Exists(first.RunFolder));
        Assert.True(Directory.Exists(second.RunFolder));

        // kizilsu changes, then changes back: its first version lives in the first run folder
        var path = Path.Combine(bed.Inbox, "kizilsu-2025.txt");
        var original = File.ReadAllBytes(path);
        File.AppendAllText(path, "\n附件：无\n");
        bed.DateInbox(bed.Clock.Now.AddHours(-1));
        bed.Options.RunRetention = TimeSpan.FromDays(1);
        bed.Clock.Now = bed.Clock.Now.AddDays(1);
        await bed.RunAsync();
        bed.Clock.Now = bed.Clock.Now.AddDays(3);
        await bed.RunAsync(); // the first run's folder is still in use (three other documents)
        Assert.True(Directory.Exists(first.RunFolder));
        Assert.False(Directory.Exists(second.RunFolder));

        Directory.Delete(first.RunFolder, recursive: true); // as if removed: reuse must not point current/ at it
        File.WriteAllBytes(path, original);
        bed.DateInbox(bed.Clock.Now.AddHours(-1));
        bed.Clock.Now = bed.Clock.Now.AddHours(2);
        var back = await bed.RunAsync();
        Assert.Equal(new RunCounts(0, 4, 0, 0, 0), back.Counts);
        Assert.True(File.Exists(Path.Combine(back.RunFolder, "json", "kizilsu-2025.json")));
        var fresh = bed.FreshConvert();
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, "json", "kizilsu-2025.json")), File.ReadAllBytes(Path.Combine(bed.Current, "json", "kizilsu-2025.json")));
    }

    [Theory]
    [InlineData(0, null, "Worker:Jobs")]
    [InlineData(300, null, "Worker:Jobs")]
    [InlineData(1, -1, "Worker:RunRetention")]
    [InlineData(1, null, "Worker:PdfProcesses", -1)]
    public void Invalid_Jobs_or_retention_are_refused(int jobs, int? retentionDays, string named, int? pdfProcesses = null)
    {
        var bed = Bed();
        bed.Options.Jobs = jobs;
        bed.Options.PdfProcesses = pdfProcesses;
        bed.Options.RunRetention = retentionDays is { } d ? TimeSpan.FromDays(d) : null;
        var result = new WorkerOptionsValidator().Validate(null, bed.Options);
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--Worker:Jobs=2" }, false)]
    [InlineData(new[] { "--Worker:Jobs=2", "--Worker:PdfProcesses=2" }, true)]
    [InlineData(new[] { "--Worker:PdfProcesses=1" }, true)]
    public void PDFs_are_read_in_processes_of_their_own_when_asked(string[] settings, bool inProcesses)
    {
        var bed = Bed();
        using var host = WorkerHost.Build([$"--Worker:Inbox={bed.Inbox}", $"--Worker:Output={bed.Output}", "--Worker:Once=true", .. settings]);
        var pool = host.Services.GetRequiredService<PdfReaders>().Pool;
        Assert.Equal(inProcesses, pool is not null);
        if (pool is not null)
        {
            // the worker program itself answers as a reader process, and reads as the worker would
            var pdf = WorkerTestbed.Corpus("pdf", "shanghai_putuo_govoffice_2025_dept_budget.pdf");
            var bytes = File.ReadAllBytes(pdf);
            var here = new PdfDocumentReader().Read("d", pdf, bytes, "");
            var there = pool.Read("d", pdf, bytes, "");
            Assert.Null(pool.StartFailure);
            Assert.Equal(1, pool.StartedProcesses);
            Assert.Equal(here.Lines.Select(l => l.Text), there.Lines.Select(l => l.Text));
        }
    }
}
