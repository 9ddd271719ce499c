using System.Text.Json;

namespace DisclosureExtract.Tests.Shipping;

/// <summary>The runtime settings the measurements chose (bench/results.md, docs/perf-scale.md) reach the built
/// program's runtimeconfig.json, where the runtime reads them: dropping one silently would cost speed or memory.</summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void The_command_line_tool_runs_with_the_measured_collector_and_jit_settings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "disclosure-extract.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var settings = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(settings.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(7, settings.GetProperty("System.GC.ConserveMemory").GetInt32());
        Assert.Equal(1048576, settings.GetProperty("System.GC.LOHThreshold").GetInt32());
        Assert.False(settings.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean());
        Assert.False(settings.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
