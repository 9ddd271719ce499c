namespace DisclosureExtract.Reading;

/// <summary>How to start a PDF reader process: a program and its arguments (ending with <see cref="PdfReaderServer.Argument"/>).</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record ReaderProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The running program itself, started again with <see cref="PdfReaderServer.Argument"/>: the single-file
    /// or apphost executable, or `dotnet` with the entry assembly when it was started that way.</summary>
    public static ReaderProcessCommand ThisProgram(string assemblyName)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        return Path.GetFileNameWithoutExtension(exe) == "dotnet"
            ? new ReaderProcessCommand(exe, [Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"), PdfReaderServer.Argument])
            : new ReaderProcessCommand(exe, [PdfReaderServer.Argument]);
    }
}
