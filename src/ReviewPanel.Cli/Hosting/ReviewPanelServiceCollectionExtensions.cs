using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Hosting;

/// <summary>The one composition root: options (validated at start), the store, the importer and the panel.</summary>
public static class ReviewPanelServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddReviewPanel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);

        services.AddOptionsWithValidateOnStart<GateOptions>()
            .Bind(config.GetSection(GateOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RequiredDimensions.All(Dimensions.IsKnown),
                $"ReviewPanel:Gate:RequiredDimensions names an unknown dimension; known: {string.Join(", ", Dimensions.All)}");
        services.AddOptionsWithValidateOnStart<PanelOptions>().Bind(config.GetSection(PanelOptions.SectionName)).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<ImportOptions>().Bind(config.GetSection(ImportOptions.SectionName)).ValidateDataAnnotations();

        services.AddSingleton<ProfileImporter>();
        services.AddReviewPanelStore(config);
        services.AddReviewPanelLlm(config);
        // Shipped prompts resolve against the working directory, then beside the executable.
        services.PostConfigure<LlmOptions>(o =>
        {
            o.RubricPath = PathResolver.Resolve(o.RubricPath);
            o.PersonasPath = PathResolver.Resolve(o.PersonasPath);
            o.AdjudicatorPath = PathResolver.Resolve(o.AdjudicatorPath);
        });
        services.AddSingleton<PanelFactory>();
        services.AddSingleton<BatchRunner>();
        services.AddSingleton<ReviewPanel.Probing.ProbeRunner>();
        services.AddReviewPanelTelemetry(config);
        return builder;
    }
}
