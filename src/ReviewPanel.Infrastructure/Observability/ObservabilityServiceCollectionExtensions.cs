using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReviewPanel.Observability;

/// <summary>Registration of the worker's loopback endpoints; the worker command calls it, one-shot commands do not.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="WorkerHttpOptions"/> (validated at start), the metrics collector, the default readiness check
    /// (store reachable, no circuit open; register another <see cref="IReadinessCheck"/> first to replace it) and the
    /// hosted <see cref="WorkerHttpEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddWorkerHttpEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<WorkerHttpOptions>()
            .Bind(configuration.GetSection(WorkerHttpOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddSingleton<MetricsCollector>();
        services.TryAddSingleton<IReadinessCheck, StoreAndCircuitReadinessCheck>();
        services.AddSingleton<WorkerHttpEndpoints>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkerHttpEndpoints>());
        return services;
    }
}
