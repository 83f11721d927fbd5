using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewPanel.Cli.Serve;
using ReviewPanel.Cli.Commands;
using ReviewPanel.Cli.Worker;
using ReviewPanel.Observability;
using ReviewPanel.Panel;
using ReviewPanel.Storage;
using ReviewPanel.Viewing;

namespace ReviewPanel.Cli.Hosting;

/// <summary>
/// The worker's composition root: builds its host, checks every start-up precondition (options, the panel it will
/// use, the store; the HTTP port when its endpoints start first) before anything is accepted, runs it until stopped,
/// and turns faults into one line and exit 2 (<see cref="FaultReporter"/>).
/// </summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(TextWriter stderr, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            void Configure(IHostApplicationBuilder b)
            {
                b.Configuration.AddInMemoryCollection(settings);
                b.AddReviewPanelWorker();
            }
            var port = HttpPort(settings);
            // One Kestrel host on the worker's port serves the viewer and /healthz, /readyz, /metrics; port 0: none at all.
            host = port == 0 ? ReviewPanelHost.Build(Configure) : ReviewPanelHost.BuildWeb(Configure, web =>
            {
                web.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
                web.Services.AddOperationsEndpoints();
                ViewerHost.AddViewerServices(web.Services);
            }, app =>
            {
                app.MapOperationsEndpoints();
                app.MapViewer(app.Services.GetRequiredService<HistoryViewer>());
            });
            var services = host.Services;
            services.GetRequiredService<IStartupValidator>().Validate();
            var worker = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
            services.GetRequiredService<PanelBuilder>().Build(worker.Panel, fresh: false);
            await services.GetRequiredService<IHistoryWriter>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            // The host's console lifetime owns Ctrl+C and SIGTERM: it stops the worker, which drains before exiting.
            var loops = services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
            // Start and wait rather than RunAsync, which disposes the host: a fault is described from its live settings below.
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            if (host is WebApplication web)
            {
                WorkerLog.Serving(services.GetRequiredService<ILoggerFactory>().CreateLogger("ReviewPanel.Cli.Worker.HttpHost"), web.Urls.FirstOrDefault()?.TrimEnd('/') ?? $"http://127.0.0.1:{port}");
            }
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            // A worker loop that died stops the host quietly; a supervisor must see it as a failure, not a clean exit.
            var crashed = loops.Select(s => s.ExecuteTask?.Exception?.GetBaseException()).FirstOrDefault(e => e is not null);
            return crashed is null ? ExitCodes.Pass : await FaultReporter.ReportAsync(stderr, crashed, services).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await FaultReporter.ReportAsync(stderr, ex, host?.Services).ConfigureAwait(false);
        }
        finally
        {
            host?.Dispose();
        }
    }

    /// <summary>The port the worker's settings name (the same sources the host reads), before the host is built.</summary>
    private static int HttpPort(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = ReviewPanelHost.AddSources(new ConfigurationBuilder()).AddInMemoryCollection(settings).Build();
        return configuration.GetSection(WorkerHttpOptions.SectionName).GetValue<int?>(nameof(WorkerHttpOptions.HttpPort)) ?? new WorkerHttpOptions().HttpPort;
    }
}
