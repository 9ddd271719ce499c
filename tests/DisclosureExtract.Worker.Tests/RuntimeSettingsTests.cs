using System.Text.Json;

namespace DisclosureExtract.Worker.Tests;

/// <summary>The worker runs with the collector settings the command line tool was measured with (docs/perf-scale.md).</summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void The_worker_runs_with_the_server_collector_and_the_measured_memory_settings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "disclosure-extract-worker.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var settings = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(settings.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(7, settings.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.Equal(1048576, settings.GetProperty("System.GC.LOHThreshold").GetInt32());
    }
}
