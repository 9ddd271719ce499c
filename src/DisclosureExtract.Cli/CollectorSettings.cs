using System.Globalization;

namespace DisclosureExtract.Cli;

/// <summary>What the garbage collector was configured with, as `convert`'s memory report and the bench print it.</summary>
internal static class CollectorSettings
{
    /// <summary>The cap on the gen0 budget (compiled into the native binary, or DOTNET_GCGen0MaxBudget), 0 when none.</summary>
    public static long Gen0MaxBudgetBytes =>
        GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
}
