using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReviewPanel.Panel;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Cli.Hosting;

/// <summary>
/// Wires the core's "ReviewPanel" source and meter to the exporters <see cref="TelemetryOptions"/> names, through
/// OpenTelemetry.Extensions.Hosting. With <c>none</c> nothing is registered at all, so commands print what they did before.
/// </summary>
public static class TelemetryExporters
{
    public static IServiceCollection AddReviewPanelTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new ConfigurationProblemException(string.Join("; ", problems.Select(p => p.ErrorMessage)));
        }
        var enabled = options.Enabled;
        if (enabled.Count == 0)
        {
            return services;
        }
        var version = typeof(TelemetryExporters).Assembly.GetName().Version?.ToString();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("reviewpanel", serviceVersion: version))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ReviewPanelActivities.SourceName);
                if (enabled.Contains(TelemetryOptions.Console))
                {
                    tracing.AddConsoleExporter();
                }
                if (enabled.Contains(TelemetryOptions.Otlp))
                {
                    tracing.AddOtlpExporter(o => Endpoint(o, options));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ReviewPanelMetrics.MeterName);
                if (enabled.Contains(TelemetryOptions.Console))
                {
                    metrics.AddConsoleExporter();
                }
                if (enabled.Contains(TelemetryOptions.Otlp))
                {
                    metrics.AddOtlpExporter(o => Endpoint(o, options));
                }
            });
        return services;
    }

    /// <summary>
    /// One-shot commands build the host but never start it, so the hosted service that would create the providers
    /// never runs: resolve them here. Disposing the host then flushes what they hold.
    /// </summary>
    public static void Activate(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
    }

    private static void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is { } endpoint)
        {
            exporter.Endpoint = endpoint;
        }
    }
}
