using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReviewPanel.Benchmarks.Quota;

/// <summary>
/// An Azure-like quota in front of an upstream chat-completions server on 127.0.0.1: charges each request prompt
/// characters / 4 plus max_tokens (1,000 when absent) on arrival, enforces RPM and TPM over a sliding 60 s window,
/// answers 429 with <c>retry-after</c> (seconds) when over, throttles a share of the rest at random as the service
/// does under load, and sends <c>x-ratelimit-remaining-requests</c> / <c>-tokens</c> on every answer. Whatever is
/// admitted is forwarded as is (path, query, body, key headers); only admitted requests are charged.
/// </summary>
internal sealed class QuotaProxy : IAsyncDisposable
{
    public const int DefaultMaxTokens = 1_000;
    private static readonly string[] ForwardedHeaders = ["api-key", "Authorization", "Content-Type"];

    private readonly WebApplication _app;
    private readonly QuotaWindow _window;
    private readonly HttpClient _upstream;
    private readonly double _random429;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private long _requests, _admitted, _quota429, _random429s, _chargedTokens, _upstreamErrors;
    private readonly Dictionary<int, long> _maxTokensSeen = [];

    private QuotaProxy(WebApplication app, QuotaWindow window, Uri upstream, double random429, int seed)
    {
        _app = app;
        _window = window;
        _random429 = random429;
        _random = new Random(seed);
        _upstream = new HttpClient { BaseAddress = upstream, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public static async Task<QuotaProxy> StartAsync(Uri upstream, int rpm, int tpm, double random429, int seed = 5)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new QuotaProxy(app, new QuotaWindow(rpm, tpm, TimeProvider.System), upstream, random429, seed);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.BaseUri = new Uri($"http://127.0.0.1:{new Uri(app.Urls.First()).Port}/");
        return proxy;
    }

    public QuotaCounters Snapshot()
    {
        lock (_gate)
        {
            return new QuotaCounters(_requests, _admitted, _quota429, _random429s, _chargedTokens, _upstreamErrors,
                _maxTokensSeen.ToDictionary());
        }
    }

    /// <summary>Azure's admission estimate of one request body.</summary>
    public static (long Prompt, int? MaxTokens) Estimate(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject json)
        {
            return (0, null);
        }
        long characters = 0;
        foreach (var message in json["messages"] as JsonArray ?? [])
        {
            characters += message?["content"] switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s.Length,
                JsonArray parts => parts.Sum(p => p?["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s.Length : 0),
                _ => 0,
            };
        }
        var max = (json["max_completion_tokens"] ?? json["max_tokens"]) is JsonValue m && m.TryGetValue<int>(out var n) ? n : (int?)null;
        return ((characters + 3) / 4, max);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var (prompt, max) = Estimate(body);
        var charge = prompt + (max ?? DefaultMaxTokens);
        bool randomThrottle;
        lock (_gate)
        {
            _requests++;
            _maxTokensSeen[max ?? -1] = _maxTokensSeen.GetValueOrDefault(max ?? -1) + 1;
            randomThrottle = _random.NextDouble() < _random429;
        }

        // A random throttle never reaches the window: it is neither a request nor tokens the quota counts (trying it
        // against the window, even at 0 tokens, took a request slot, so 10% of the RPM went to answers never served).
        Admission admission;
        if (randomThrottle)
        {
            var (requestsLeft, tokensLeft) = _window.Remaining();
            admission = new Admission(false, TimeSpan.Zero, requestsLeft, tokensLeft);
        }
        else
        {
            admission = _window.TryAdmit(charge);
        }
        if (randomThrottle || !admission.Admitted)
        {
            // A random throttle is not charged; it asks for the shortest wait the header can express.
            var retry = randomThrottle ? 1 : Math.Max(1, (int)Math.Ceiling(admission.RetryAfter.TotalSeconds));
            lock (_gate)
            {
                if (randomThrottle)
                {
                    _random429s++;
                }
                else
                {
                    _quota429++;
                }
            }
            await WriteThrottledAsync(context, retry, admission);
            return;
        }
        lock (_gate)
        {
            _admitted++;
            _chargedTokens += charge;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var name in ForwardedHeaders.Where(h => h != "Content-Type"))
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                forward.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }
        try
        {
            using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
            context.Response.StatusCode = (int)answer.StatusCode;
            SetRemaining(context, admission.RemainingRequests, admission.RemainingTokens);
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/json";
            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            lock (_gate)
            {
                _upstreamErrors++;
            }
            context.Response.StatusCode = 502;
        }
    }

    private static async Task WriteThrottledAsync(HttpContext context, int retryAfterSeconds, Admission admission)
    {
        context.Response.StatusCode = 429;
        context.Response.Headers["retry-after"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        SetRemaining(context, admission.RemainingRequests, admission.RemainingTokens);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            $$$"""{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded the token rate limit of your current quota tier. Please retry after {{{retryAfterSeconds}}} seconds."}}""");
    }

    private static void SetRemaining(HttpContext context, long requests, long tokens)
    {
        context.Response.Headers["x-ratelimit-remaining-requests"] = Math.Max(0, requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-remaining-tokens"] = Math.Max(0, tokens).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}

/// <summary>What the proxy saw: requests, admitted, 429s by cause, tokens charged, and the max_tokens values sent (-1 = none).</summary>
internal sealed record QuotaCounters(
    long Requests, long Admitted, long Quota429, long Random429, long ChargedTokens, long UpstreamErrors, IReadOnlyDictionary<int, long> MaxTokens)
{
    public QuotaCounters Minus(QuotaCounters before) => new(
        Requests - before.Requests, Admitted - before.Admitted, Quota429 - before.Quota429, Random429 - before.Random429,
        ChargedTokens - before.ChargedTokens, UpstreamErrors - before.UpstreamErrors,
        MaxTokens.ToDictionary(kv => kv.Key, kv => kv.Value - before.MaxTokens.GetValueOrDefault(kv.Key)));
}
