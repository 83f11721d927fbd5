using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Llm;

/// <summary>
/// One model endpoint (a resource plus one deployment): how to reach it and the quota its resilience pipeline is
/// sized to. The API key comes only from configuration providers fed by the environment or a secret store, and
/// is never logged or shown (<see cref="ToString"/> masks it).
/// </summary>
public sealed class EndpointOptions
{
    /// <summary><c>azure-openai</c> (default) or <c>openai-compatible</c>.</summary>
    public string Provider { get; set; } = LlmProviders.AzureOpenAI;

    /// <summary>Azure resource URI, or the OpenAI-compatible base URL (used as given, e.g. <c>http://127.0.0.1:8080/v1</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Azure deployment name, or the model name for OpenAI-compatible servers.</summary>
    public string? Deployment { get; set; }

    /// <summary>Alias of <see cref="Deployment"/>, the natural name for OpenAI-compatible servers.</summary>
    public string? Model
    {
        get => Deployment;
        set => Deployment = value;
    }

    /// <summary>API key (<see cref="Auth"/> <c>key</c>). From the environment or a secret store only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How calls authenticate, explicitly: <c>key</c> (<see cref="ApiKey"/>; the default for Azure OpenAI, a missing key is a
    /// configuration error), <c>entra</c> (Azure OpenAI through <c>DefaultAzureCredential</c>: managed identity, az login, ...)
    /// or <c>none</c> (an OpenAI-compatible server that needs no key; its default when no key is set).
    /// </summary>
    public string? Auth { get; set; }

    /// <summary>The auth mode in force: <see cref="Auth"/> when set, else the provider's default.</summary>
    public string EffectiveAuth => Auth?.Trim().ToLowerInvariant() switch
    {
        { Length: > 0 } explicitMode => explicitMode,
        _ when Provider == LlmProviders.OpenAICompatible && string.IsNullOrEmpty(ApiKey) => EndpointAuth.None,
        _ => EndpointAuth.Key,
    };

    /// <summary>Azure OpenAI api-version, <c>2024-10-21</c> (default) or <c>2024-06-01</c>.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Requests per minute of the deployment's quota; 0 turns the request limiter off. Default 60.</summary>
    [Range(0, 1_000_000)]
    public int Rpm { get; set; } = 60;

    /// <summary>Tokens per minute of the deployment's quota; 0 turns the token limiter off. Default 60 000.</summary>
    [Range(0, 100_000_000)]
    public int Tpm { get; set; } = 60_000;

    /// <summary>
    /// Tokens one call is assumed to use (prompt with rubric and profile, plus the reply), charged to the TPM limiter
    /// before the call because the real count is only known after it. Once replies report usage, the limiter charges
    /// their moving average instead, so a rough guess neither wastes nor overruns the quota. Default 5 000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int EstimatedTokensPerCall { get; set; } = 5_000;

    /// <summary>Calls in flight at once; 0 means unlimited. Default 4.</summary>
    [Range(0, 1000)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Timeout of one HTTP attempt, in seconds. Default 60.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt on 408, 429, 5xx, network errors and timeouts; 0 means none. Default 4.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay in milliseconds (exponential with jitter) when the server gives no retry-after. Default 1000.</summary>
    [Range(0, 60_000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    public CircuitBreakerSettings CircuitBreaker { get; set; } = new();

    /// <summary>
    /// <see cref="Endpoint"/> without user info (<c>https://user:secret@host/</c> → <c>https://host/</c>). HttpClient never
    /// sends URL credentials, so nothing is lost; without them the URL can be given to SDKs and logs, which print it.
    /// </summary>
    public Uri? EndpointWithoutCredentials => WithoutUserInfo(Endpoint);

    /// <summary>A URL with any user info removed, for clients and logs.</summary>
    public static Uri? WithoutUserInfo(Uri? uri) =>
        uri is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri : uri;

    /// <summary>Describes the endpoint without its key.</summary>
    public override string ToString() =>
        $"{Provider} {EndpointWithoutCredentials?.ToString() ?? "(no endpoint)"} deployment={Deployment ?? "(none)"} " +
        $"auth={EffectiveAuth switch { EndpointAuth.Key => string.IsNullOrEmpty(ApiKey) ? "api-key(missing)" : "api-key(***)", var mode => mode }}";
}
