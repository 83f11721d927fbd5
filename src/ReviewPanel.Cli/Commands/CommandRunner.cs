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
/// readies the store, resolves the one service the command calls and runs it. Configuration problems become one clear
/// line on stderr and exit code 2, never a stack trace.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync<TService>(ParseResult parse, Func<TService, TextWriter, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null)
        where TService : notnull
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        try
        {
            // Command-line flags that are settings (e.g. --repeats) win over appsettings.json and the environment.
            using var host = ReviewPanelHost.Build(settings is null ? null : b => b.Configuration.AddInMemoryCollection(settings));
            var services = host.Services;
            services.GetRequiredService<IStartupValidator>().Validate();
            await services.GetRequiredService<IHistoryWriter>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            return await body(services.GetRequiredService<TService>(), stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync($"configuration error: {string.Join("; ", ex.Failures)}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (ConfigurationProblemException ex)
        {
            await stderr.WriteLineAsync($"configuration error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}
