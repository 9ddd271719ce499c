using DisclosureExtract.Cli;
using DisclosureExtract.Reading;

// started by a convert run to read PDFs in a process of their own (PdfReaderProcessPool)
if (PdfReaderServer.IsRequested(args))
{
    return PdfReaderServer.ServeConsole();
}

return CliApp.Run(args, Console.Out, Console.Error);
