using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReviewPanel.Cli.Commands;
using ReviewPanel.Cli.Worker;
using ReviewPanel.Panel;
using ReviewPanel.Storage;

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
            host = ReviewPanelHost.Build(b =>
            {
                b.Configuration.AddInMemoryCollection(settings);
                b.AddReviewPanelWorker();
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
}
