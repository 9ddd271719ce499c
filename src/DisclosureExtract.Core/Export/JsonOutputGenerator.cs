using System.Reflection;

namespace DisclosureExtract.Export;

/// <summary>
/// The build that wrote a document's JSON (its <c>generator</c> field) and that <c>disclosure-extract --version</c>
/// prints: the version set in Directory.Build.props and the git commit the SDK's SourceLink appends to the assembly's
/// informational version ("0.9.0+&lt;sha&gt;"); "unknown" when the build had no git repository (a Docker build context).
/// </summary>
public sealed record Generator(string Name, string Version, string Commit)
{
    public const string UnknownCommit = "unknown";

    /// <summary>This build.</summary>
    public static Generator Current { get; } =
        Parse(typeof(Generator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>"0.9.0+abc…" to version 0.9.0 and commit abc…; no "+": the commit is unknown.</summary>
    public static Generator Parse(string? informationalVersion)
    {
        var v = string.IsNullOrWhiteSpace(informationalVersion) ? "0.0.0" : informationalVersion.Trim();
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == v.Length - 1
            ? new Generator("DisclosureExtract", plus < 0 ? v : v[..plus], UnknownCommit)
            : new Generator("DisclosureExtract", v[..plus], v[(plus + 1)..]);
    }
}
