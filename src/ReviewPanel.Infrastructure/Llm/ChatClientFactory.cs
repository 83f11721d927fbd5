using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenAI;
using ReviewPanel.Resilience;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Llm;

/// <summary>
/// One <see cref="IChatClient"/> per configured endpoint, built once: the provider's client with its own retries
/// off, wrapped in <see cref="ResilientChatClient"/> (the endpoint's Polly pipeline) and logging. The chat goes
/// through <c>AsIChatClient()</c>, never the SDK's <c>CompleteChat*</c> (which throws MissingMethodException with
/// the OpenAI version Microsoft.Extensions.AI.OpenAI brings).
/// </summary>
public sealed class ChatClientFactory : IDisposable
{
    // Read on first use: building the factory must not validate LLM settings an offline run never needs.
    private readonly Lazy<LlmOptions> _settings;
    private readonly ChatResiliencePipelineFactory _pipelines;
    private readonly ILoggerFactory _loggerFactory;
    private readonly PipelineTransport? _transport;
    private readonly ReviewPanelMetrics? _metrics;
    private readonly ReviewPanelActivities? _activities;
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public ChatClientFactory(IOptions<LlmOptions> options, ChatResiliencePipelineFactory pipelines, ILoggerFactory? loggerFactory = null,
        ReviewPanelMetrics? metrics = null, ReviewPanelActivities? activities = null)
        : this(options, pipelines, loggerFactory, transport: null)
    {
        _metrics = metrics;
        _activities = activities;
    }

    /// <summary>For tests: an HTTP transport that never leaves the process.</summary>
    internal ChatClientFactory(IOptions<LlmOptions> options, ChatResiliencePipelineFactory pipelines, ILoggerFactory? loggerFactory, PipelineTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = new(() => options.Value);
        _pipelines = pipelines ?? throw new ArgumentNullException(nameof(pipelines));
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _transport = transport;
    }

    /// <summary>The endpoint a persona's <c>deployment</c> names (null: the default endpoint).</summary>
    /// <exception cref="InvalidOperationException">No endpoint of that name is configured.</exception>
    public (string Name, EndpointOptions Options) Resolve(string? endpointName)
    {
        var name = string.IsNullOrWhiteSpace(endpointName) ? _settings.Value.DefaultEndpoint : endpointName;
        if (_settings.Value.Endpoints.TryGetValue(name, out var endpoint) && endpoint is not null)
        {
            return (name, endpoint);
        }
        throw new InvalidOperationException(
            $"No LLM endpoint named '{name}' is configured (configured: {string.Join(", ", _settings.Value.Endpoints.Keys.DefaultIfEmpty("none"))}); " +
            $"add {LlmOptions.SectionName}:Endpoints:{name}.");
    }

    /// <summary>The chat client of an endpoint, created on first use and shared (one pipeline per endpoint).</summary>
    public IChatClient GetClient(string? endpointName = null)
    {
        var (name, endpoint) = Resolve(endpointName);
        return _clients.GetOrAdd(name, _ => new Lazy<IChatClient>(() => Create(name, endpoint))).Value;
    }

    private IChatClient Create(string name, EndpointOptions endpoint)
    {
        var pipeline = _pipelines.Create(name, endpoint);
        var quota = _pipelines.Quota(name);
        // The service's remaining counts reach the endpoint's limiters from the HTTP responses themselves.
        var headers = quota is null ? null : new RateLimitHeadersPolicy(quota);
        var inner = endpoint.Provider switch
        {
            LlmProviders.AzureOpenAI => CreateAzure(endpoint, headers),
            LlmProviders.OpenAICompatible => CreateOpenAICompatible(endpoint, headers),
            _ => throw new InvalidOperationException($"Endpoint '{name}': unknown provider '{endpoint.Provider}'."),
        };
        var logger = _loggerFactory.CreateLogger("ReviewPanel.Llm");
        // Logging outermost: one line per call as the reviewer sees it (prompts only at Trace). Inside the resilience
        // pipeline it logged every throttled attempt as a failure with a stack trace, though the retry then succeeded.
        return new ChatClientBuilder(inner)
            .UseLogging(_loggerFactory)
            .Use(client => new ResilientChatClient(client, pipeline, name, logger, _pipelines.TokenEstimate(name), _metrics, _activities, quota))
            .Build();
    }

    private IChatClient CreateAzure(EndpointOptions endpoint, PipelinePolicy? headers)
    {
        var version = Enum.Parse<AzureOpenAIClientOptions.ServiceVersion>(
            LlmOptionsValidator.ApiVersions[endpoint.ApiVersion ?? "2024-10-21"]);
        var clientOptions = new AzureOpenAIClientOptions(version)
        {
            RetryPolicy = new ClientRetryPolicy(0), // Polly owns retries
            NetworkTimeout = NetworkTimeout(endpoint),
        };
        if (_transport is not null)
        {
            clientOptions.Transport = _transport;
        }
        if (headers is not null)
        {
            clientOptions.AddPolicy(headers, PipelinePosition.PerCall);
        }
        // The auth mode is explicit (validated at start): never a silent fallback from a missing key to Entra ID.
        var client = endpoint.EffectiveAuth == EndpointAuth.Entra
            ? new AzureOpenAIClient(endpoint.EndpointWithoutCredentials, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint.EndpointWithoutCredentials, new ApiKeyCredential(endpoint.ApiKey ?? string.Empty), clientOptions);
        return client.GetChatClient(endpoint.Deployment).AsIChatClient();
    }

    private IChatClient CreateOpenAICompatible(EndpointOptions endpoint, PipelinePolicy? headers)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint.EndpointWithoutCredentials,
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = NetworkTimeout(endpoint),
        };
        if (_transport is not null)
        {
            clientOptions.Transport = _transport;
        }
        if (headers is not null)
        {
            clientOptions.AddPolicy(headers, PipelinePosition.PerCall);
        }
        // Local servers often need no key, but the SDK requires a credential; a placeholder is sent then.
        var key = string.IsNullOrEmpty(endpoint.ApiKey) ? "no-key" : endpoint.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(endpoint.Deployment).AsIChatClient();
    }

    // A little above Polly's per-attempt timeout, so the pipeline's timeout is the one that fires and is counted.
    private static TimeSpan NetworkTimeout(EndpointOptions endpoint) => TimeSpan.FromSeconds(endpoint.TimeoutSeconds + 5);

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
        _clients.Clear();
    }
}
