using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReviewPanel.Cli.Hosting;
using ReviewPanel.Panel;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// A composition root for one command: builds the host, validates every option registered for validation at start,
/// readies the store, resolves the one service the command calls and runs it, then anchors the chain in a checkpoint
/// when the command appended to it. Every fault (configuration, store, I/O) becomes one clear line on stderr and exit
/// code 2 (<see cref="FaultReporter"/>), never a stack trace.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync<TService>(ParseResult parse, Func<TService, TextWriter, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null)
        where TService : notnull
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        IHost? host = null;
        try
        {
            // Command-line flags that are settings (e.g. --repeats) win over appsettings.json and the environment.
            host = ReviewPanelHost.Build(settings is null ? null : b => b.Configuration.AddInMemoryCollection(settings));
            var services = host.Services;
            services.GetRequiredService<IStartupValidator>().Validate();
            var store = services.GetRequiredService<IReviewStore>();
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var checkpoints = services.GetRequiredService<ChainCheckpoints>();
            var before = checkpoints.Path is null ? 0 : await store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false);
            var exit = await body(services.GetRequiredService<TService>(), stdout, stderr, cancellationToken).ConfigureAwait(false);
            // Anchor the chain outside the database after every run that appended, so a cut tail is seen by 'audit verify'.
            // Commands that only read never write one: a missing checkpoint stays missing for the audit to report.
            if (checkpoints.Path is not null && await store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false) != before)
            {
                await checkpoints.WriteAsync(cancellationToken).ConfigureAwait(false);
            }
            return exit;
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
