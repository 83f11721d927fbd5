using ReviewPanel.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Cli.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>The worker's options (validated at start), the hosted <see cref="QueueWorker"/>, and a shutdown timeout that covers the drain.</summary>
    public static IHostApplicationBuilder AddReviewPanelWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<WorkerOptions>()
            .Bind(builder.Configuration.GetSection(WorkerOptions.SectionName))
            .ValidateDataAnnotations();
        var drainSeconds = builder.Configuration.GetSection(WorkerOptions.SectionName).GetValue<int?>(nameof(WorkerOptions.DrainSeconds)) ?? new WorkerOptions().DrainSeconds;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(drainSeconds, 0, 600) + 10));
        // The HTTP host on 127.0.0.1:ReviewPanel:Worker:HttpPort (0 turns it off) is Kestrel in WorkerHost; Kestrel starts
        // after the hosted services, so QueueWorker claims nothing before the host has started (a port in use stops it first).
        builder.Services.AddOptionsWithValidateOnStart<WorkerHttpOptions>()
            .Bind(builder.Configuration.GetSection(WorkerHttpOptions.SectionName))
            .ValidateDataAnnotations();
        builder.Services.AddHostedService<QueueWorker>();
        // The refresher is the queue gauges' provider: ReviewPanelMetrics reads its last reading at each collection.
        builder.Services.AddSingleton<QueueGaugeRefresher>();
        builder.Services.AddSingleton<IQueueGaugeProvider>(sp => sp.GetRequiredService<QueueGaugeRefresher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueGaugeRefresher>());
        return builder;
    }
}
