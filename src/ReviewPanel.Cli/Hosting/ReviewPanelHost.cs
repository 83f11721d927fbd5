using Microsoft.AspNetCore.Builder;
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
        Configure(builder, configure, afterDefaults);
        var host = builder.Build();
        TelemetryExporters.Activate(host.Services);
        return host;
    }

    /// <summary>
    /// The same host with Kestrel in it (the worker with its HTTP port): the same configuration, logging and
    /// registration, plus <paramref name="configureWeb"/> (Kestrel, endpoint services) and <paramref name="map"/> (routes).
    /// </summary>
    public static WebApplication BuildWeb(Action<IHostApplicationBuilder>? configure, Action<WebApplicationBuilder> configureWeb, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(configureWeb);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        Configure(builder, configure, b => configureWeb((WebApplicationBuilder)b));
        var app = builder.Build();
        map(app);
        return app;
    }

    /// <summary>The configuration sources every host reads, in order (later wins); also for a decision taken before a host is built.</summary>
    public static IConfigurationBuilder AddSources(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        return configuration
            .AddJsonFile(shipped, optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
    }

    private static void Configure(IHostApplicationBuilder builder, Action<IHostApplicationBuilder>? configure, Action<IHostApplicationBuilder>? afterDefaults)
    {
        builder.Configuration.Sources.Clear();
        AddSources(builder.Configuration);
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
    }
}
