using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReviewPanel.Cli.Hosting;

/// <summary>
/// Builds the Generic Host every command runs in: appsettings.json (the working directory's, else the one shipped
/// beside the executable), environment variables (<c>ReviewPanel__Store__Path</c>, <c>AZURE_OPENAI_*</c>), logs on
/// stderr so stdout stays clean for JSON, and options validated at start.
/// </summary>
public static class ReviewPanelHost
{
    public static IHost Build(Action<IHostApplicationBuilder>? configure = null, Action<IHostApplicationBuilder>? afterDefaults = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = true,
        });
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(shipped, optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // The host's own failure logs (a hosted service that did not start, a worker loop that threw) carry stack traces;
        // the command reports the same fault as one line (FaultReporter) instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        configure?.Invoke(builder);
        builder.AddReviewPanel();
        afterDefaults?.Invoke(builder);
        ConfigurationShape.ThrowIfMalformed(builder.Configuration);
        var host = builder.Build();
        TelemetryExporters.Activate(host.Services);
        return host;
    }
}
