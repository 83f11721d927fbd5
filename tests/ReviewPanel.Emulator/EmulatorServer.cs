using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewPanel.Emulator.Wire;

namespace ReviewPanel.Emulator;

/// <summary>A wire-faithful Azure OpenAI (and OpenAI /v1) chat-completions emulator on 127.0.0.1, for tests in-process
/// and for manual runs through <c>Program</c>. See docs/emulator.md.</summary>
public sealed partial class EmulatorServer : IAsyncDisposable
{
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase) { "api-key", "Authorization" };

    private readonly WebApplication _app;
    private readonly EmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly CompletionResponder _responder;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();

    private EmulatorServer(WebApplication app, EmulatorOptions options, EmulatorState state, ILogger logger)
    {
        _app = app;
        _options = options;
        _state = state;
        _logger = logger;
        _responder = new CompletionResponder(options.TimeProvider, state.NextAlphanumeric);
        BaseUri = new Uri("http://127.0.0.1/");
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:54321/</c>: the Azure endpoint, and with <c>v1</c> appended
    /// the OpenAI-compatible base.</summary>
    public Uri BaseUri { get; private set; }

    public string ApiKey => _options.ApiKey;

    /// <summary>Chat-completions requests received so far (any outcome, including 401s), oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _state.Requests;

    /// <summary>Starts the server; the options are validated first.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default) =>
        await StartAsync(options, configureLogging: null, ct).ConfigureAwait(false);

    /// <summary>Starts the server with logging (the standalone runner logs to the console; tests stay quiet).</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, Action<ILoggingBuilder>? configureLogging, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();

        var logger = configureLogging is null
            ? NullLogger.Instance
            : app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ReviewPanel.Emulator");
        var server = new EmulatorServer(app, options, new EmulatorState(options), logger);
        server.MapRoutes();

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = new Uri(app.Urls.First());
        server.BaseUri = new Uri($"http://127.0.0.1:{address.Port}/");
        Log.Listening(logger, server.BaseUri);
        return server;
    }

    /// <summary>Gives one deployment its own behaviour (and a fresh copy of its script).</summary>
    public void Configure(string deployment, DeploymentBehavior behavior)
    {
        ArgumentException.ThrowIfNullOrEmpty(deployment);
        ArgumentNullException.ThrowIfNull(behavior);
        _state.Configure(deployment, behavior);
    }

    /// <summary>Replaces the behaviour of every deployment not configured on its own.</summary>
    public void ConfigureDefault(DeploymentBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        _state.ConfigureDefault(behavior);
    }

    /// <summary>Chat-completions requests received, for one deployment or all.</summary>
    public int RequestCount(string? deployment = null) => _state.RequestCount(deployment);

    /// <summary>Answers sent with this HTTP status (hung requests that were aborted send none).</summary>
    public int StatusCount(int status) => _state.StatusCount(status);

    /// <summary>Clears the counters and the request log; behaviours and what is left of their scripts stay.</summary>
    public void Reset() => _state.Reset();

    /// <summary>
    /// Completes when the host's lifetime stops: SIGTERM, SIGINT (Ctrl+C) or SIGQUIT through the console lifetime, or
    /// <paramref name="cancellationToken"/>. The standalone runner waits on this, so <c>kill</c> stops it cleanly.
    /// </summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Release hung requests first so shutdown does not wait for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void MapRoutes()
    {
        _app.MapPost("/openai/deployments/{deployment}/chat/completions",
            (HttpContext context, string deployment) => HandleAsync(context, WireFlavor.Azure, deployment));
        _app.MapPost("/v1/chat/completions", (HttpContext context) => HandleAsync(context, WireFlavor.OpenAi, null));
        _app.MapGet("/_emulator/stats", (HttpContext context) => WriteAsync(context, new WireReply(200, Stats()), count: false));
        _app.MapPost("/_emulator/reset", (HttpContext context) =>
        {
            Reset();
            return WriteAsync(context, new WireReply(200, Stats()), count: false);
        });
        _app.MapFallback((HttpContext context) => WriteAsync(context, WireErrors.ResourceNotFound(), count: true));
    }

    private async Task HandleAsync(HttpContext context, WireFlavor flavor, string? routeDeployment)
    {
        var request = context.Request;
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var body = TryParseObject(text);
        var deployment = routeDeployment ?? (body?["model"] is JsonValue m && m.TryGetValue<string>(out var model) ? model : string.Empty);
        _state.Record(new ReceivedRequest(
            deployment,
            request.Path + request.QueryString,
            request.Headers.Where(h => !SecretHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            text,
            _options.TimeProvider.GetUtcNow()));

        var apiVersion = request.Query["api-version"].ToString();
        var rejection = Validate(context, flavor, deployment, apiVersion, body);
        if (rejection is not null)
        {
            await WriteAsync(context, rejection, count: true).ConfigureAwait(false);
            return;
        }

        var (behavior, step, scripted) = _state.NextStep(deployment);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await DelayAsync(behavior, aborted.Token).ConfigureAwait(false);
            if (!scripted)
            {
                step = RollFaults(behavior, step);
            }

            if (step == EmulatorPolicy.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _options.TimeProvider, aborted.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the server is stopping): there is nobody to answer.
            Log.HangEnded(_logger, deployment, context.RequestAborted.IsCancellationRequested ? "client abort" : "server stop");
            context.Abort();
            return;
        }

        WireReply reply;
        try
        {
            reply = _responder.Respond(new ChatCall(flavor, deployment, apiVersion, body!), step, behavior);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A schema the generator cannot satisfy: answer like a failing service, with the reason for whoever debugs it.
            Log.ReplyFailed(_logger, deployment, e);
            reply = WireErrors.ServerError(flavor);
        }

        Log.Answered(_logger, request.Path, deployment, step.ToName(), reply.Status);
        await WriteAsync(context, reply, count: true).ConfigureAwait(false);
    }

    private WireReply? Validate(HttpContext context, WireFlavor flavor, string deployment, string apiVersion, JsonObject? body)
    {
        if (flavor == WireFlavor.Azure)
        {
            // Azure answers a missing api-version with a bare 404 before looking at anything else.
            if (apiVersion.Length == 0)
            {
                return WireErrors.ResourceNotFound();
            }

            if (!ApiVersionRegex().IsMatch(apiVersion))
            {
                return WireErrors.ApiVersionNotSupported();
            }
        }

        if (!IsAuthorized(context.Request, flavor))
        {
            return WireErrors.Unauthorized(flavor);
        }

        if (body is null)
        {
            return WireErrors.BadRequest(flavor, "We could not parse the JSON body of your request. The body must be a JSON object.");
        }

        if (body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return WireErrors.BadRequest(flavor, "'messages' is a required property and must be a non-empty array.");
        }

        if (messages.Any(m => m is not JsonObject message || message["role"] is not JsonValue role || !role.TryGetValue<string>(out _)))
        {
            return WireErrors.BadRequest(flavor, "Every item of 'messages' must be an object with a string 'role'.");
        }

        if (flavor == WireFlavor.OpenAi && deployment.Length == 0)
        {
            return WireErrors.BadRequest(flavor, "you must provide a model parameter");
        }

        if (body["stream"] is JsonValue stream && stream.TryGetValue<bool>(out var streaming) && streaming)
        {
            return WireErrors.BadRequest(flavor, "The emulator does not stream; send stream=false.");
        }

        return _options.RejectUnknownDeployments && !_state.IsConfigured(deployment)
            ? WireErrors.DeploymentNotFound(flavor, deployment)
            : null;
    }

    private bool IsAuthorized(HttpRequest request, WireFlavor flavor)
    {
        var bearer = request.Headers.Authorization.ToString();
        if (bearer == "Bearer " + _options.ApiKey)
        {
            return true;
        }

        // Azure also takes the key in its own header; OpenAI only takes a bearer token.
        return flavor == WireFlavor.Azure && request.Headers["api-key"].ToString() == _options.ApiKey;
    }

    private async Task DelayAsync(DeploymentBehavior behavior, CancellationToken ct)
    {
        var delay = behavior.LatencyMs + (behavior.JitterMs > 0 ? _state.NextInt(behavior.JitterMs) : 0);
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), _options.TimeProvider, ct).ConfigureAwait(false);
        }
    }

    private EmulatorPolicy RollFaults(DeploymentBehavior behavior, EmulatorPolicy step)
    {
        if (behavior.Rate429 > 0 && _state.NextDouble() < behavior.Rate429)
        {
            return EmulatorPolicy.Status429;
        }

        if (behavior.Rate5xx > 0 && _state.NextDouble() < behavior.Rate5xx)
        {
            return _state.NextDouble() < 0.5 ? EmulatorPolicy.Status500 : EmulatorPolicy.Status503;
        }

        return step;
    }

    private async Task WriteAsync(HttpContext context, WireReply reply, bool count)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = "application/json";
        var requestId = Guid.NewGuid().ToString();
        response.Headers["apim-request-id"] = requestId;
        response.Headers["x-request-id"] = requestId;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        if (count)
        {
            _state.CountStatus(reply.Status);
        }

        await response.WriteAsync(reply.Body.ToJsonString(WireJson.Options), context.RequestAborted).ConfigureAwait(false);
    }

    private JsonObject Stats()
    {
        var requests = _state.Requests;
        var byDeployment = new JsonObject();
        foreach (var group in requests.GroupBy(r => r.Deployment, StringComparer.Ordinal))
        {
            byDeployment[group.Key] = group.Count();
        }

        var byStatus = new JsonObject();
        foreach (var (status, n) in _state.Statuses.OrderBy(s => s.Key))
        {
            byStatus[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = n;
        }

        return new JsonObject { ["requests"] = requests.Count, ["byDeployment"] = byDeployment, ["byStatus"] = byStatus };
    }

    private static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersionRegex();
}
