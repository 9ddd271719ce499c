using DisclosureExtract.Export;
using DisclosureExtract.Reading;
using DisclosureExtract.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// started by a pass to read PDFs in a process of their own (Worker:PdfProcesses)
if (PdfReaderServer.IsRequested(args))
{
    return PdfReaderServer.ServeConsole();
}

// the state database is SQLite: without its native library (the native binary has it beside it) say so before starting
if (SqliteLibrary.Problem() is { } sqlite)
{
    await Console.Error.WriteLineAsync($"error: {sqlite}").ConfigureAwait(false);
    return ExitCodes.InvalidSettings;
}

try
{
    using var host = WorkerHost.Build(args);
    _ = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value; // settings errors as plain messages, before the host starts
    var service = host.Services.GetRequiredService<NightlyService>();
    await host.RunAsync().ConfigureAwait(false);
    return service.ExitCode;
}
catch (OptionsValidationException ex)
{
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
    }

    return ExitCodes.InvalidSettings;
}
