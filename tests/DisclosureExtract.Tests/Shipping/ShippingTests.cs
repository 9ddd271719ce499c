using System.Diagnostics;
using System.Runtime.InteropServices;
using DisclosureExtract.Cli;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Shipping;

/// <summary>
/// What users get instead of a clone: the .NET tool package and the native binaries of the CLI and the worker,
/// each built here by the same commands the README and the Dockerfile give, run on corpus/text and compared byte for
/// byte with the in-process conversion. Slow (a pack and two Native AOT publishes into temporary folders, a few
/// minutes on two cores), so they are few and in this one class; they need only the .NET SDK and the NuGet registry.
/// </summary>
public sealed class ShippingTests
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(25);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    /// <summary>convert corpus/text in this process, once for the class: the reference every shipped form must match.</summary>
    private static readonly Lazy<(int Code, string Dir)> InProcess = new(() =>
    {
        var dir = Path.Combine(TestPaths.TempDir(), "in-process");
        var code = CliApp.Run(["convert", CorpusText, "--out", dir, "--no-progress"], new StringWriter(), new StringWriter());
        return (code, dir);
    });

    private static string CorpusText => TestPaths.Corpus("text");

    private static string ExpectedVersionLine => $"disclosure-extract {Generator.Current.Version} (commit {Generator.Current.Commit})";

    [Fact]
    public void The_tool_installed_from_the_local_package_converts_the_corpus_like_the_library()
    {
        var tmp = TestPaths.TempDir();
        var packages = Path.Combine(tmp, "packages");
        Dotnet("pack", "src/DisclosureExtract.Cli", "-c", "Release", "-o", packages, "--artifacts-path", Path.Combine(tmp, "artifacts"));
        Assert.True(File.Exists(Path.Combine(packages, $"DisclosureExtract.{Generator.Current.Version}.nupkg")), string.Join(", ", Directory.GetFiles(packages)));

        // only the local folder as a source, and an empty package cache: the package just made, not one cached by an earlier run
        var config = Path.Combine(tmp, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(tmp, "tools");
        Dotnet(["tool", "install", "DisclosureExtract", "--version", Generator.Current.Version, "--tool-path", tools, "--configfile", config],
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(tmp, "nuget-cache") });

        var command = Path.Combine(tools, "disclosure-extract");
        AssertConvertsLikeTheLibrary(command, tmp);
        Assert.Equal(ExpectedVersionLine, Run(command, ["--version"], tmp, RunLimit).Out.Trim());
    }

    [Fact]
    public void The_native_cli_binary_converts_the_corpus_like_the_library()
    {
        var tmp = TestPaths.TempDir();
        var publish = Publish("src/DisclosureExtract.Cli", tmp);
        var binary = Path.Combine(publish, "disclosure-extract");
        // the Native AOT binary, SQLite's native library beside it, and the binary's symbols
        AssertSingleFile(publish, binary, besides: ["libe_sqlite3.so", "disclosure-extract.dbg"]);

        AssertConvertsLikeTheLibrary(binary, tmp);
        Assert.Equal(ExpectedVersionLine, Run(binary, ["--version"], tmp, RunLimit).Out.Trim());

        // machine code, not a runtime with a JIT, and the project's collector settings compiled in
        var (code, stdout, stderr) = Run(binary, ["convert", TestPaths.Corpus("text", "tekes-2023.txt"), "--out", Path.Combine(tmp, "one"), "--no-progress"], tmp, RunLimit,
            new Dictionary<string, string?> { ["DX_REPORT_PEAK_MEMORY"] = "1" });
        Assert.True(code is 0 or 1, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("code=native_aot", stdout, StringComparison.Ordinal);
        Assert.Contains("gc_server=true", stdout, StringComparison.Ordinal);
        Assert.Contains($"gc_gen0_max_budget_bytes={32 << 20}", stdout, StringComparison.Ordinal);

        // copied without SQLite's library: a clear refusal before converting anything, and the other formats still work
        var alone = Path.Combine(tmp, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(binary, Path.Combine(alone, "disclosure-extract"));
        var lone = Path.Combine(alone, "disclosure-extract");
        var refused = Run(lone, ["convert", CorpusText, "--out", Path.Combine(tmp, "refused"), "--no-progress"], tmp, RunLimit);
        Assert.True(refused.Code == CliApp.ExitUsage, $"exit {refused.Code}\n{refused.Out}\n{refused.Err}");
        Assert.Contains("libe_sqlite3", refused.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(tmp, "refused")));
        var withoutSqlite = Run(lone, ["convert", CorpusText, "--out", Path.Combine(tmp, "csv"), "--no-progress", "--formats", "csv,json"], tmp, RunLimit);
        Assert.True(withoutSqlite.Code == InProcess.Value.Code, $"exit {withoutSqlite.Code}\n{withoutSqlite.Out}\n{withoutSqlite.Err}");
        Assert.True(File.Exists(Path.Combine(tmp, "csv", "line_items.csv")));
    }

    [Fact]
    public void The_native_worker_binary_publishes_the_corpus_like_the_library()
    {
        var tmp = TestPaths.TempDir();
        var publish = Publish("src/DisclosureExtract.Worker", tmp);
        var binary = Path.Combine(publish, "disclosure-extract-worker");
        // the Native AOT binary, SQLite's native library beside it, and the binary's symbols
        AssertSingleFile(publish, binary, besides: ["libe_sqlite3.so", "disclosure-extract-worker.dbg"]);

        var output = Path.Combine(tmp, "nightly");
        var (code, stdout, stderr) = Run(binary,
            [$"--Worker:Inbox={CorpusText}", $"--Worker:Output={output}", "--Worker:Once=true", "--Worker:SettleDelay=00:00:00"], tmp, RunLimit);

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("4 converted, 0 unchanged, 0 failed", stdout + stderr, StringComparison.Ordinal);
        // current/ holds a subset of convert's files (documents, line items, findings, json/, tables/); each the same bytes
        var current = Path.Combine(output, "current");
        var files = RelativeFiles(current);
        Assert.Contains("documents.csv", files);
        Assert.Contains("line_items.csv", files);
        Assert.Contains(files, f => f.StartsWith("json/", StringComparison.Ordinal));
        // and the worker's own stamp of what current/ was built from (docs/nightly.md), which convert does not write
        Assert.Contains(".published", files);
        foreach (var f in files.Where(f => f != ".published"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(current, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(InProcess.Value.Dir, f))), $"{f} differs");
        }

        // copied without SQLite's library (its state is SQLite): a clear refusal before anything is done
        var alone = Path.Combine(tmp, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(binary, Path.Combine(alone, "disclosure-extract-worker"));
        File.Copy(Path.Combine(publish, "appsettings.json"), Path.Combine(alone, "appsettings.json"));
        var refusedOutput = Path.Combine(tmp, "refused");
        var refused = Run(Path.Combine(alone, "disclosure-extract-worker"),
            [$"--Worker:Inbox={CorpusText}", $"--Worker:Output={refusedOutput}", "--Worker:Once=true"], tmp, RunLimit);
        Assert.True(refused.Code == 2, $"exit {refused.Code}\n{refused.Out}\n{refused.Err}");
        Assert.Contains("libe_sqlite3", refused.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(refusedOutput));
    }

    /// <summary>The publish command of the README and the Dockerfile (with -r each project makes a Native AOT binary), for
    /// this machine's runtime identifier, with its own build folders.</summary>
    private static string Publish(string project, string tmp)
    {
        var publish = Path.Combine(tmp, "publish");
        Dotnet("publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", publish, "--artifacts-path", Path.Combine(tmp, "artifacts"));
        return publish;
    }

    private static void AssertSingleFile(string publish, string binary, params string[] besides)
    {
        Assert.True(File.Exists(binary), binary);
        var others = Directory.GetFiles(publish).Select(Path.GetFileName)
            .Where(f => f != Path.GetFileName(binary) && !f!.EndsWith(".pdb", StringComparison.Ordinal) && f != "appsettings.json" && !besides.Contains(f)).ToList();
        Assert.True(others.Count == 0, "not a single file: " + string.Join(", ", others));
    }

    private static void AssertConvertsLikeTheLibrary(string command, string tmp)
    {
        var (expectedCode, expected) = InProcess.Value;
        var actual = Path.Combine(tmp, "out");
        var (code, stdout, stderr) = Run(command, ["convert", CorpusText, "--out", actual, "--no-progress"], tmp, RunLimit);

        Assert.True(code == expectedCode, $"exit {code}, in process {expectedCode}\n{stdout}\n{stderr}");
        var files = RelativeFiles(expected);
        Assert.Equal(files, RelativeFiles(actual));
        Assert.Contains("json/tekes-2023.json", files);
        foreach (var f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f))), $"{f} differs");
        }
    }

    private static List<string> RelativeFiles(string dir) =>
        [.. Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static void Dotnet(params string[] args) => Dotnet(args, null);

    /// <summary>The SDK that runs these tests, from the repository root; fails the test with its output when it fails.</summary>
    private static void Dotnet(string[] args, IReadOnlyDictionary<string, string?>? environment)
    {
        // no build servers or reused nodes: they would outlive the command (holding its output open) and the test run
        string[] quiet = args[0] is "pack" or "publish" ? ["-nodeReuse:false", "-p:UseSharedCompilation=false"] : [];
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }

        var (code, stdout, stderr) = Run(DotnetHost, [.. args, .. quiet], TestPaths.Root, BuildLimit, env);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)}: exit {code}\n{stdout}\n{stderr}");
    }

    /// <summary>The .NET installation whose runtime runs these tests.</summary>
    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>The dotnet executable that runs the tests (dotnet test sets DOTNET_HOST_PATH), else that installation's, else the one on PATH.</summary>
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } p && File.Exists(p) ? p
        : File.Exists(Path.Combine(DotnetRoot, "dotnet")) ? Path.Combine(DotnetRoot, "dotnet")
        : "dotnet";

    private static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // the MSBuild and test-host settings of the `dotnet test` that runs us are not for the child
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        // a framework-dependent tool finds the runtime that runs these tests
        psi.Environment["DOTNET_ROOT"] = DotnetRoot;
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            Assert.Fail($"{file} {string.Join(' ', args)} took more than {limit}");
        }

        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
