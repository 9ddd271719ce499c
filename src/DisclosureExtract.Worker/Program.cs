using DisclosureExtract.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
