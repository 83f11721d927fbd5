using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewPanel.Audit;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Hosting;

/// <summary>
/// The one registration of ReviewPanel's services, used by the CLI, the worker, the tests and the benchmarks: options
/// (bound to their sections, validated at start), the importer, the store, the model reviewers, and the use cases
/// (<see cref="ReviewRunService"/>, <see cref="RerunService"/>, <see cref="CalibrationService"/>, the queries).
/// </summary>
public static class ReviewPanelServiceCollectionExtensions
{
    public static IServiceCollection AddReviewPanel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        // Telemetry through the container, no statics: the meter comes from its IMeterFactory, so each host (and each test) has its own.
        services.AddMetrics();
        services.TryAddSingleton<ReviewPanelMetrics>();
        services.TryAddSingleton<ReviewPanelActivities>();

        services.AddOptionsWithValidateOnStart<GateOptions>()
            .Bind(configuration.GetSection(GateOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RequiredDimensions.All(Dimensions.IsKnown),
                $"ReviewPanel:Gate:RequiredDimensions names an unknown dimension; known: {string.Join(", ", Dimensions.All)}");
        services.AddOptionsWithValidateOnStart<PanelOptions>()
            .Bind(configuration.GetSection(PanelOptions.SectionName))
            .PostConfigure(o => o.RubricPath = PathResolver.Resolve(o.RubricPath))
            .ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName)).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<PricingOptions>().Bind(configuration.GetSection(PricingOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.Deployments.Values.All(p => p.InputPer1M >= 0 && p.OutputPer1M >= 0 && (p.CachedInputPer1M ?? 0) >= 0), "ReviewPanel:Pricing: prices must not be negative");
        services.AddOptionsWithValidateOnStart<ReportOptions>().Bind(configuration.GetSection(ReportOptions.SectionName)).ValidateDataAnnotations();

        services.TryAddSingleton<ProfileImporter>();
        services.AddReviewPanelStore(configuration);
        services.AddReviewPanelLlm(configuration);
        // Shipped prompts resolve against the working directory, then beside the executable.
        services.PostConfigure<LlmOptions>(o =>
        {
            o.PersonasPath = PathResolver.Resolve(o.PersonasPath);
            o.AdjudicatorPath = PathResolver.Resolve(o.AdjudicatorPath);
        });

        services.TryAddSingleton<RubricSource>();
        services.TryAddSingleton<IReviewCache, StoreReviewCache>();
        services.TryAddSingleton<IReviewerCatalog>(sp => sp.GetRequiredService<LlmReviewerCatalog>());
        services.TryAddSingleton<PanelBuilder>();
        services.TryAddSingleton<BatchRunner>();
        services.TryAddSingleton<ReviewRunService>();
        services.TryAddSingleton<RerunService>();
        services.TryAddSingleton<CalibrationService>();
        services.TryAddSingleton<RunReportQuery>();
        services.TryAddSingleton<ReportWriters>();
        services.TryAddSingleton<HistoryQueries>();
        services.TryAddSingleton<ReviewPanel.Viewing.HistoryViewer>();
        services.TryAddSingleton<ReviewPanel.Waivers.WaiverService>();
        services.TryAddSingleton<ReviewPanel.Queueing.DraftQueue>();
        services.TryAddSingleton<ReviewPanel.Probing.ProbeRunner>();
        services.TryAddSingleton<ReviewPanel.Probing.ProbeService>();
        return services;
    }
}
