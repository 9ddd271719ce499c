using System.Diagnostics;

namespace DisclosureExtract.Reading;

/// <summary>
/// The other end of <see cref="PdfReaderProcessPool"/>: a program started with <see cref="Argument"/> as its only argument
/// reads PDFs sent on its standard input with <see cref="PdfDocumentReader"/> and writes the documents to its standard
/// output, one after another, until its input ends; then it reports its peak memory and CPU time and exits.
/// </summary>
public static class PdfReaderServer
{
    /// <summary>The argument that starts a program (the command line tool, the nightly worker) as a PDF reader process.</summary>
    public const string Argument = "--pdf-reader-process";

    /// <summary>True when the program was started as a PDF reader process.</summary>
    public static bool IsRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is [Argument];
    }

    /// <summary>Serves this process's standard input and output; nothing else may write to standard output meanwhile,
    /// so <see cref="Console.Out"/> is silenced. Returns the exit code.</summary>
    public static int ServeConsole()
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        Console.SetOut(TextWriter.Null);
        Serve(input, output, new PdfDocumentReader());
        return 0;
    }

    /// <summary>Answers requests from <paramref name="input"/> until it ends.</summary>
    internal static void Serve(Stream input, Stream output, IDocumentReader reader)
    {
        using var r = new BinaryReader(new BufferedStream(input, 1 << 16));
        using var w = new BinaryWriter(new BufferedStream(output, 1 << 16));
        w.Write(ReaderProcessWire.Hello);
        w.Write(ReaderProcessWire.Version);
        w.Flush();
        while (true)
        {
            int kind;
            try
            {
                kind = r.ReadByte();
            }
            catch (EndOfStreamException)
            {
                break;
            }

            if (kind != ReaderProcessWire.Read)
            {
                throw new InvalidDataException($"unknown request {kind}");
            }

            var (id, path, sha, bytes) = ReaderProcessWire.ReadRequestBody(r);
            try
            {
                ReaderProcessWire.WriteDocument(w, reader.Read(id, path, bytes, sha));
            }
            catch (InputException ex)
            {
                ReaderProcessWire.WriteError(w, ReaderProcessWire.InputError, ex.Message);
            }
#pragma warning disable CA1031 // as in the pipeline: a bug while reading one file is that file's error, the process goes on
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                ReaderProcessWire.WriteError(w, ReaderProcessWire.InternalError, $"{ex.GetType().Name}: {ex.Message}");
            }

            w.Flush();
        }

        using var self = Process.GetCurrentProcess();
        ReaderProcessWire.WriteGoodbye(w, self.PeakWorkingSet64, self.TotalProcessorTime.TotalSeconds);
        w.Flush();
    }
}
