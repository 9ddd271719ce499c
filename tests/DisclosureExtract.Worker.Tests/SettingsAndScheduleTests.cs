using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker.Tests;

public sealed class SettingsAndScheduleTests
{
    private static readonly WorkerOptionsValidator Validator = new();

    [Fact]
    public void Missing_inbox_and_output_are_named_in_the_errors()
    {
        var result = Validator.Validate(null, new WorkerOptions());

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Worker:Inbox is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Worker:Output is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_inside_the_inbox_a_bad_time_and_a_zero_interval_are_refused()
    {
        var inbox = WorkerTestbed.Corpus("text");
        var result = Validator.Validate(null, new WorkerOptions
        {
            Inbox = inbox,
            Output = Path.Combine(inbox, "out"),
            RunAt = "25:99",
            Interval = TimeSpan.Zero,
        });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("is inside Worker:Inbox", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Worker:RunAt '25:99'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Worker:Interval", StringComparison.Ordinal));
    }

    [Fact]
    public void Good_settings_pass()
    {
        var result = Validator.Validate(null, new WorkerOptions { Inbox = WorkerTestbed.Corpus("text"), Output = Path.GetTempPath(), RunAt = "02:30" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_host_binds_the_command_line_and_validates_at_start()
    {
        var inbox = WorkerTestbed.Corpus("text");
        using var bed = new WorkerTestbed(corpusFiles: 0);
        using var good = WorkerHost.Build([$"--Worker:Inbox={inbox}", $"--Worker:Output={bed.Output}", "--Worker:SettleDelay=00:00:02", "--Worker:Once=true"]);
        var options = good.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.Equal(inbox, options.Inbox);
        Assert.Equal(TimeSpan.FromSeconds(2), options.SettleDelay);
        Assert.True(options.Once);

        using var bad = WorkerHost.Build([$"--Worker:Output={bed.Output}"]);
        var ex = Assert.Throws<OptionsValidationException>(() => bad.Services.GetRequiredService<IOptions<WorkerOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("Worker:Inbox is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_once_mode_converts_and_stops_the_host_by_itself()
    {
        using var bed = new WorkerTestbed();
        using var host = WorkerHost.Build([$"--Worker:Inbox={bed.Inbox}", $"--Worker:Output={bed.Output}", "--Worker:Once=true", "--Worker:SettleDelay=00:00:00"]);
        var service = host.Services.GetRequiredService<NightlyService>();

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Ok, service.ExitCode);
        Assert.Equal(4, service.LastRun!.Counts.Converted);
        Assert.Equal(4, WorkerTestbed.Ids(Path.Combine(bed.Current, "documents.csv")).Count);
    }

    [Fact]
    public async Task Staying_up_with_WatchInbox_converts_a_file_soon_after_it_arrives()
    {
        using var bed = new WorkerTestbed(corpusFiles: 1);
        using var host = WorkerHost.Build([$"--Worker:Inbox={bed.Inbox}", $"--Worker:Output={bed.Output}", "--Worker:Once=false",
            "--Worker:RunAt=", "--Worker:Interval=01:00:00", "--Worker:WatchInbox=true", "--Worker:SettleDelay=00:00:00.200"]);
        var service = host.Services.GetRequiredService<NightlyService>();
        await host.StartAsync();
        try
        {
            await WaitFor(() => service.LastRun?.RunId == 1);
            Assert.Equal(1, service.LastRun!.Counts.Converted);

            File.Copy(WorkerTestbed.Corpus("text", "tekes-2023.txt"), Path.Combine(bed.Inbox, "tekes-2023.txt"));

            await WaitFor(() => service.LastRun?.Counts.Converted == 1 && service.LastRun.RunId >= 2);
            Assert.Equal(["bayingol-2023", "tekes-2023"], WorkerTestbed.Ids(Path.Combine(bed.Current, "documents.csv")));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the worker");
            await Task.Delay(50);
        }
    }

    [Fact]
    public void A_daily_time_later_today_runs_today_and_a_past_one_tomorrow()
    {
        var china = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        var at = new TimeOnly(2, 30);

        var beforeTime = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero); // 01:00 on the 24th in UTC+8
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 2, 30, 0, TimeSpan.FromHours(8)), Schedule.Next(beforeTime, at, TimeSpan.FromHours(24), china));

        var afterTime = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero); // 03:00 on the 24th in UTC+8
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 30, 0, TimeSpan.FromHours(8)), Schedule.Next(afterTime, at, TimeSpan.FromHours(24), china));
    }

    [Fact]
    public void Without_a_daily_time_the_next_run_is_one_interval_later()
    {
        var now = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddHours(6), Schedule.Next(now, null, TimeSpan.FromHours(6), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("02:30", 2, 30)]
    [InlineData("2:05", 2, 5)]
    [InlineData(" 23:59 ", 23, 59)]
    public void RunAt_is_read_as_a_time_of_day(string text, int hour, int minute)
    {
        Assert.Equal(new TimeOnly(hour, minute), new WorkerOptions { RunAt = text }.DailyTime);
    }
}
