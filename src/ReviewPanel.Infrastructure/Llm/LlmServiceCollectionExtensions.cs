using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewPanel.Resilience;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers LLM options (bound to <c>ReviewPanel:Llm</c>, environment shortcuts applied, validated when a model
    /// panel is first built — an offline run needs no endpoint),
    /// one resilient chat client per endpoint (<see cref="ChatClientFactory"/>), the reviewers and the adjudicator
    /// (<see cref="LlmReviewerCatalog"/>, also as <see cref="IAdjudicator"/>).
    /// </summary>
    public static IServiceCollection AddReviewPanelLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LlmOptions>()
            .Bind(configuration.GetSection(LlmOptions.SectionName))
            .PostConfigure(options => ApplyEnvironmentShortcuts(options, configuration))
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Panel.EndpointStatus>();
        services.TryAddSingleton<Panel.IRateLimitStatus>(sp => sp.GetRequiredService<Panel.EndpointStatus>());
        services.TryAddSingleton<Panel.ICircuitStatus>(sp => sp.GetRequiredService<Panel.EndpointStatus>());
        services.TryAddSingleton<ChatResiliencePipelineFactory>();
        services.TryAddSingleton<ChatClientFactory>();
        services.TryAddSingleton<LlmReviewerCatalog>();
        return services;
    }

    /// <summary>
    /// <c>AZURE_OPENAI_ENDPOINT</c>, <c>AZURE_OPENAI_DEPLOYMENT</c>, <c>AZURE_OPENAI_API_KEY</c> (read through
    /// configuration, which the host feeds from the environment) fill the default endpoint when set.
    /// </summary>
    internal static void ApplyEnvironmentShortcuts(LlmOptions options, IConfiguration configuration)
    {
        var url = configuration["AZURE_OPENAI_ENDPOINT"];
        var deployment = configuration["AZURE_OPENAI_DEPLOYMENT"];
        var key = configuration["AZURE_OPENAI_API_KEY"];
        if (string.IsNullOrWhiteSpace(url) && string.IsNullOrWhiteSpace(deployment) && string.IsNullOrWhiteSpace(key))
        {
            return;
        }
        if (!options.Endpoints.TryGetValue(options.DefaultEndpoint, out var endpoint) || endpoint is null)
        {
            endpoint = new EndpointOptions { Provider = LlmProviders.AzureOpenAI };
            options.Endpoints[options.DefaultEndpoint] = endpoint;
        }
        if (!string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            endpoint.Endpoint = uri;
        }
        if (!string.IsNullOrWhiteSpace(deployment))
        {
            endpoint.Deployment = deployment.Trim();
        }
        if (!string.IsNullOrWhiteSpace(key))
        {
            endpoint.ApiKey = key.Trim();
        }
    }
}
