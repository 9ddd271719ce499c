namespace DisclosureExtract.Reading;

/// <summary>A program to start and its arguments: a PDF reader process (ending with <see cref="PdfReaderServer.Argument"/>),
/// or the running program itself for a measured run.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record ProgramCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The running program itself with <paramref name="arguments"/>: the single-file or apphost executable, or
    /// `dotnet` with the entry assembly (by name: <c>Assembly.Location</c> is empty in a single-file binary) when it was
    /// started that way.</summary>
    public static ProgramCommand ThisProgram(string assemblyName, params IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        return Path.GetFileNameWithoutExtension(exe) == "dotnet"
            ? new ProgramCommand(exe, [Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"), .. arguments])
            : new ProgramCommand(exe, [.. arguments]);
    }

    /// <summary>A PDF reader process of the running program (<see cref="PdfReaderServer"/>).</summary>
    public static ProgramCommand PdfReaderOf(string assemblyName) => ThisProgram(assemblyName, PdfReaderServer.Argument);
}
