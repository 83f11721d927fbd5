using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Cli.Serve;

/// <summary>
/// <c>/healthz</c> (liveness: the process serves), <c>/readyz</c> (readiness: <see cref="StoreAndCircuitHealthCheck"/>,
/// 503 with the reason) through ASP.NET Core health checks, and <c>/metrics</c> through the OpenTelemetry Prometheus
/// exporter reading the "ReviewPanel" meter. The exporter names series by its rules: dots become underscores,
/// counters end in <c>_total</c>, units become suffixes (<c>_milliseconds</c>, <c>_seconds</c>, <c>_ratio</c>).
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>Tag of the checks <c>/healthz</c> runs.</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of the checks <c>/readyz</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The health checks (liveness and readiness) and the Prometheus exporter on the ReviewPanel meter.</summary>
    public static IServiceCollection AddOperationsEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("ok"), tags: [LiveTag])
            .AddCheck<StoreAndCircuitHealthCheck>("store-and-circuits", tags: [ReadyTag]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ReviewPanelMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", Options(LiveTag));
        endpoints.MapHealthChecks("/readyz", Options(ReadyTag));
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
    };

    // One line: "ok" / "ready", or "not ready: <reasons>" (the status code, 503, is the health checks' own mapping).
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var text = report.Status == HealthStatus.Healthy
            ? string.Join(", ", report.Entries.Values.Select(e => e.Description ?? "ok"))
            : "not ready: " + string.Join("; ", report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description ?? e.Status.ToString()));
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
