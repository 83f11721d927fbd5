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

    /// <summary>The requests per minute assumed when <see cref="Rpm"/> is not set (a conservative quota; a run says so once).</summary>
    public const int AssumedRpm = 60;

    /// <summary>The tokens per minute assumed when <see cref="Tpm"/> is not set.</summary>
    public const int AssumedTpm = 60_000;

    /// <summary>Requests per minute of the deployment's quota; 0 turns the request limiter off. Unset: <see cref="AssumedRpm"/>, with a warning.</summary>
    [Range(0, 1_000_000)]
    public int? Rpm { get; set; }

    /// <summary>Tokens per minute of the deployment's quota; 0 turns the token limiter off. Unset: <see cref="AssumedTpm"/>, with a warning.</summary>
    [Range(0, 100_000_000)]
    public int? Tpm { get; set; }

    /// <summary>The request limit in force.</summary>
    public int EffectiveRpm => Rpm ?? AssumedRpm;

    /// <summary>The token limit in force.</summary>
    public int EffectiveTpm => Tpm ?? AssumedTpm;

    /// <summary>
    /// The TPM limiter's charge for a call whose prompt it cannot see (and the bucket's minimum capacity). A chat call
    /// is charged the way Azure OpenAI counts it on arrival: prompt characters / 4 plus the request's max_tokens, so
    /// the limiter never admits more than the service would. Default 5 000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int EstimatedTokensPerCall { get; set; } = 5_000;

    /// <summary>
    /// Calls in flight at once; 0 means unlimited. Unset (the default): derived from the request quota, see
    /// <see cref="EffectiveMaxConcurrency"/>, so the endpoint's own limits set the pace rather than a fixed cap.
    /// </summary>
    [Range(0, 1000)]
    public int? MaxConcurrency { get; set; }

    /// <summary>The model-call latency assumed when sizing concurrency from the quota (Little's law); generous on purpose.</summary>
    public const int AssumedCallSeconds = 10;

    /// <summary>
    /// The concurrency limit in force: <see cref="MaxConcurrency"/> when set, else enough calls in flight to use the
    /// request quota at <see cref="AssumedCallSeconds"/> per call (RPM / 60 × 10: 10 at the assumed 60 RPM, 100 at
    /// 600 RPM), between 4 and 256; with the request limiter off, 64. Too many in flight only wait in the RPM and TPM
    /// limiters, which pace the calls; too few would leave quota unused (a fixed 4 used a tenth of 600 RPM at 4 s a call).
    /// </summary>
    public int EffectiveMaxConcurrency => MaxConcurrency
        ?? (EffectiveRpm == 0 ? 64 : Math.Clamp((int)Math.Ceiling(EffectiveRpm / 60.0 * AssumedCallSeconds), 4, 256));

    /// <summary>Timeout of one HTTP attempt, in seconds. Default 60.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt on 408, 5xx, network errors and timeouts; 0 means none. Default 4. (429s: <see cref="ThrottleRetrySeconds"/>.)</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay in milliseconds (exponential with jitter) when the server gives no retry-after. Default 1000.</summary>
    [Range(0, 60_000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>
    /// How long a call keeps retrying 429 replies, honouring each <c>retry-after</c>, before it gives up: throttling is
    /// the quota working, not a failure, so it is bounded by time rather than by <see cref="MaxRetries"/>, and it never
    /// counts toward the circuit breaker. Default 600 (ten minutes).
    /// </summary>
    [Range(0, 86_400)]
    public int ThrottleRetrySeconds { get; set; } = 600;

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
