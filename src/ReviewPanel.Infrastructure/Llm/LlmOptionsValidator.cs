using Microsoft.Extensions.Options;

namespace ReviewPanel.Llm;

/// <summary>
/// Checks what data annotations cannot reach: the endpoints dictionary and the default endpoint. Messages name
/// the configuration key to fix and never contain a key's value.
/// </summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    internal static readonly IReadOnlyDictionary<string, string> ApiVersions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2024-10-21"] = "V2024_10_21",
        ["2024-06-01"] = "V2024_06_01",
    };

    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = LlmOptions.SectionName;
        if (!options.Endpoints.ContainsKey(options.DefaultEndpoint))
        {
            failures.Add(
                $"{prefix}:DefaultEndpoint '{options.DefaultEndpoint}' is not configured: set {prefix}:Endpoints:{options.DefaultEndpoint}:Endpoint " +
                "and :Deployment, or the environment variables AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT.");
        }
        foreach (var (endpointName, endpoint) in options.Endpoints)
        {
            var at = $"{prefix}:Endpoints:{endpointName}";
            if (endpoint is null)
            {
                failures.Add($"{at} is empty.");
                continue;
            }
            if (!LlmProviders.All.Contains(endpoint.Provider, StringComparer.Ordinal))
            {
                failures.Add($"{at}:Provider '{endpoint.Provider}' is not one of {string.Join(", ", LlmProviders.All)}.");
            }
            if (endpoint.Endpoint is null)
            {
                failures.Add($"{at}:Endpoint is missing (the resource or base URL; or set AZURE_OPENAI_ENDPOINT).");
            }
            else if (!endpoint.Endpoint.IsAbsoluteUri || endpoint.Endpoint.Scheme is not ("https" or "http"))
            {
                failures.Add($"{at}:Endpoint must be an absolute http(s) URL.");
            }
            var auth = endpoint.EffectiveAuth;
            var env = $"ReviewPanel__Llm__Endpoints__{endpointName}__";
            if (!EndpointAuth.All.Contains(auth, StringComparer.Ordinal))
            {
                failures.Add($"{at}:Auth '{endpoint.Auth}' is not one of {string.Join(", ", EndpointAuth.All)}.");
            }
            else if (auth == EndpointAuth.Key && string.IsNullOrWhiteSpace(endpoint.ApiKey))
            {
                failures.Add($"{at}:ApiKey is missing and {at}:Auth is 'key': set AZURE_OPENAI_API_KEY or {env}ApiKey in the environment, " +
                    (endpoint.Provider == LlmProviders.AzureOpenAI ? $"or set {env}Auth=entra to sign in with Microsoft Entra ID (DefaultAzureCredential)." : $"or set {env}Auth=none for a server that needs no key."));
            }
            else if (auth == EndpointAuth.Entra && endpoint.Provider != LlmProviders.AzureOpenAI)
            {
                failures.Add($"{at}:Auth 'entra' needs Provider '{LlmProviders.AzureOpenAI}'; use 'key' or 'none'.");
            }
            else if (auth == EndpointAuth.None && endpoint.Provider == LlmProviders.AzureOpenAI)
            {
                failures.Add($"{at}:Auth 'none' is not possible with Azure OpenAI; use 'key' (with an ApiKey) or 'entra'.");
            }
            if (string.IsNullOrWhiteSpace(endpoint.Deployment))
            {
                failures.Add($"{at}:Deployment (or :Model) is missing (or set AZURE_OPENAI_DEPLOYMENT).");
            }
            if (endpoint.ApiVersion is { } version && !ApiVersions.ContainsKey(version))
            {
                failures.Add($"{at}:ApiVersion '{version}' is not supported; use {string.Join(" or ", ApiVersions.Keys)}.");
            }
            if (endpoint.EffectiveTpm > 0 && endpoint.EstimatedTokensPerCall > endpoint.EffectiveTpm)
            {
                failures.Add($"{at}:EstimatedTokensPerCall ({endpoint.EstimatedTokensPerCall}) exceeds Tpm ({endpoint.EffectiveTpm}); no call could ever start.");
            }
            var cb = endpoint.CircuitBreaker;
            if (cb is null || cb.FailureRatio is <= 0 or > 1 || cb.MinimumThroughput < 2 || cb.BreakSeconds < 1 || cb.SamplingSeconds < 1)
            {
                failures.Add($"{at}:CircuitBreaker needs FailureRatio in (0, 1], MinimumThroughput >= 2, BreakSeconds and SamplingSeconds >= 1.");
            }
            if (endpoint.Rpm < 0 || endpoint.Tpm < 0 || endpoint.MaxConcurrency < 0 || endpoint.MaxRetries is < 0 or > 20
                || endpoint.TimeoutSeconds < 1 || endpoint.RetryBaseDelayMs < 0 || endpoint.EstimatedTokensPerCall < 1)
            {
                failures.Add($"{at}: Rpm, Tpm, MaxConcurrency must be >= 0, MaxRetries 0..20, TimeoutSeconds >= 1, EstimatedTokensPerCall >= 1.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
