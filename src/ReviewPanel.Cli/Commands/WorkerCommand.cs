using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReviewPanel.Cli.Hosting;
using ReviewPanel.Cli.Worker;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel worker [--inbox DIR] [--exit-when-idle]</c>: the long-running service (Ctrl+C or SIGTERM stops it gracefully).</summary>
public static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create()
    {
        var inbox = new Option<string?>("--inbox") { Description = "Watch this folder for drafts (overrides ReviewPanel:Worker:Inbox)." };
        var idle = new Option<bool>("--exit-when-idle", "--once") { Description = "Exit once nothing is queued, errored or leased." };
        var command = new Command(Name, "Run the worker: take drafts from the inbox and the queue, review them, record the verdicts. Stops gracefully on Ctrl+C / SIGTERM.");
        command.Options.Add(inbox);
        command.Options.Add(idle);
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(inbox) is { } folder)
            {
                settings["ReviewPanel:Worker:Inbox"] = folder;
            }
            if (parse.GetValue(idle))
            {
                settings["ReviewPanel:Worker:ExitWhenIdle"] = "true";
            }
            return await RunAsync(parse.InvocationConfiguration.Error, settings, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(TextWriter stderr, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            host = ReviewPanelHost.Build(b =>
            {
                b.Configuration.AddInMemoryCollection(settings);
                b.AddReviewPanelWorker();
            },
            b =>
            {
                // Validate what this worker uses, below, rather than every option at start: an offline worker needs no LLM endpoint.
                b.Services.RemoveAll<IStartupValidator>();
            });
            var services = host.Services;
            var worker = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ReviewPanel.Scoring.GateOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ReviewPanel.Panel.PanelOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ReviewPanel.Profiles.ImportOptions>>().Value;
            _ = services.GetRequiredService<IOptions<StoreOptions>>().Value;
            var factory = services.GetRequiredService<PanelFactory>();
            factory.Create(worker.Panel, factory.LoadRubric(), fresh: false);
            await services.GetRequiredService<IReviewStore>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            // The host's console lifetime owns Ctrl+C and SIGTERM: it stops the worker, which drains before exiting.
            var loops = services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
            // Start and wait rather than RunAsync, which disposes the host: a fault is described from its live settings below.
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            // A worker loop that died stops the host quietly; a supervisor must see it as a failure, not a clean exit.
            var crashed = loops.Select(s => s.ExecuteTask?.Exception?.GetBaseException()).FirstOrDefault(e => e is not null);
            if (crashed is not null)
            {
                return await FaultReporter.ReportAsync(stderr, crashed, services).ConfigureAwait(false);
            }
            return ExitCodes.Pass;
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
