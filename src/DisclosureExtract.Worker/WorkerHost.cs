using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DisclosureExtract.Worker;

/// <summary>Builds the host: settings (appsettings.json, environment, command line), validation at start, systemd integration.</summary>
public static class WorkerHost
{
    /// <summary>PDF reader processes left without a file this long end, so a service does not hold their memory
    /// (~100 MB each) between passes; the next pass starts them again (~0.3 s).</summary>
    internal static readonly TimeSpan ReaderIdleLimit = TimeSpan.FromMinutes(1);

    public static IHost Build(string[] args, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSystemd();
        builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var processes = sp.GetRequiredService<IOptions<WorkerOptions>>().Value.PdfReaderProcesses;
            return new PdfReaders(processes > 0
                ? new PdfReaderProcessPool(ProgramCommand.PdfReaderOf(typeof(WorkerHost).Assembly.GetName().Name!), processes,
                    ConvertOptions.Default.Timeout, idleLimit: ReaderIdleLimit)
                : null);
        });
        builder.Services.AddSingleton(sp => new DisclosurePipeline(readers: DisclosurePipeline.DefaultReaders(sp.GetRequiredService<PdfReaders>().Pool)));
        builder.Services.AddSingleton(sp => new InboxScanner(sp.GetRequiredService<TimeProvider>(), logger: sp.GetRequiredService<ILogger<InboxScanner>>()));
        builder.Services.AddSingleton<NightlyRunner>();
        builder.Services.AddSingleton<NightlyService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NightlyService>());
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}

/// <summary>The worker's PDF reader processes, if any; the host disposes of it (the processes end) when it stops.</summary>
internal sealed class PdfReaders(PdfReaderProcessPool? pool) : IDisposable
{
    public PdfReaderProcessPool? Pool { get; } = pool;

    public void Dispose() => Pool?.Dispose();
}
