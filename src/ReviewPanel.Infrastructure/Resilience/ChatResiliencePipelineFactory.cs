using System.ClientModel;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Resilience;

/// <summary>
/// Builds the one resilience pipeline of an endpoint. Outer to inner:
/// <list type="number">
/// <item>retry (exponential backoff with jitter; the server's <c>retry-after-ms</c>/<c>retry-after</c> wins): 429s until
/// <see cref="EndpointOptions.ThrottleRetrySeconds"/> have passed, other transient failures <see cref="EndpointOptions.MaxRetries"/> times,</item>
/// <item>circuit breaker (fails fast while the endpoint is down; 429s never count),</item>
/// <item>concurrency limiter, request limiter (RPM) and token limiter (TPM, charged per call what the service charges on
/// arrival: the prompt's characters / 4 plus max_tokens, set by <see cref="ResilientChatClient"/> in <see cref="TokenCharge"/>),</item>
/// <item>per-attempt timeout.</item>
/// </list>
/// The limiters sit inside the retry so every HTTP attempt, retries included, is counted against the quota, and so a
/// call waiting out a backoff does not hold a concurrency slot. Quotas are enforced in 10-second windows (RPM/6 and
/// TPM/6 per 10 s) as Azure OpenAI does, so a full minute's quota is never sent as one burst. The RPM and TPM limiters
/// (<see cref="QuotaLimiter"/>, one <see cref="EndpointQuota"/> per endpoint) queue rather than reject, run on the injected
/// clock, and are corrected after each attempt by the chat client (reported usage, 429s) and by
/// <see cref="RateLimitHeadersPolicy"/> (the service's remaining counts); while they hold a call,
/// <paramref name="status"/> says so for progress output. The SDK's own retry must be off (<c>ClientRetryPolicy(0)</c>) or retries multiply.
/// </summary>
public sealed class ChatResiliencePipelineFactory(TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, ReviewPanelMetrics? metrics = null, EndpointStatus? status = null) : IDisposable
{
    /// <summary>Tokens the TPM limiter charges an attempt (set by the chat client from the request); absent: the running estimate.</summary>
    public static readonly ResiliencePropertyKey<int> TokenCharge = new("reviewpanel.token-charge");

    private static readonly ResiliencePropertyKey<DateTimeOffset> FirstThrottle = new("reviewpanel.first-throttle");
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ReviewPanel.Resilience");
    private readonly List<IDisposable> _limiters = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EndpointQuota> _quotas = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TokenUsageEstimate> _estimates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public ResiliencePipeline Create(string endpointName, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { Name = "reviewpanel-llm", InstanceName = endpointName, TimeProvider = timeProvider };
        if (options.MaxRetries > 0 || options.ThrottleRetrySeconds > 0)
        {
            builder.AddRetry(CreateRetryOptions(endpointName, options));
        }
        builder.AddCircuitBreaker(CreateCircuitBreakerOptions(endpointName, options));
        if (options.Rpm is null || options.Tpm is null)
        {
            // Once per endpoint and process: the assumed quota is usually far below a real deployment's and is then the bottleneck.
            Log.QuotaAssumed(_logger, endpointName, options.EffectiveRpm, options.EffectiveTpm);
        }
        if (options.EffectiveMaxConcurrency > 0)
        {
            builder.AddRateLimiter(Track(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.EffectiveMaxConcurrency,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })));
        }
        QuotaLimiter? requests = null, tokens = null;
        if (options.EffectiveRpm > 0)
        {
            var (perWindow, capacity) = QuotaLimiter.SizeFor(options.EffectiveRpm, largestCharge: 1);
            var rpm = requests = Track(new QuotaLimiter("RPM", perWindow, capacity, timeProvider, status));
            builder.AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => rpm.AcquireAsync(1, args.Context.CancellationToken) });
        }
        if (options.EffectiveTpm > 0)
        {
            // Capacity must hold one call's charge (larger charges are clamped to it); twice the estimate covers the
            // largest persona's prompt plus its max_tokens.
            var (perWindow, capacity) = QuotaLimiter.SizeFor(options.EffectiveTpm, largestCharge: 2 * options.EstimatedTokensPerCall);
            var tpm = tokens = Track(new QuotaLimiter("TPM", perWindow, capacity, timeProvider, status));
            var estimate = _estimates[endpointName] = new TokenUsageEstimate(options.EstimatedTokensPerCall, tpm.Capacity);
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => tpm.AcquireAsync(args.Context.Properties.GetValue(TokenCharge, estimate.Current), args.Context.CancellationToken),
            });
        }
        _quotas[endpointName] = new EndpointQuota(requests, tokens);
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) });
        return builder.Build();
    }

    /// <summary>
    /// The TPM charge of an endpoint whose pipeline was created with a token limiter, for the chat client to feed
    /// with the usage replies report; null when the endpoint has no TPM limit.
    /// </summary>
    public TokenUsageEstimate? TokenEstimate(string endpointName) => _estimates.GetValueOrDefault(endpointName);

    /// <summary>The RPM/TPM limiters of an endpoint whose pipeline was created, for the corrections after each attempt; null before.</summary>
    public EndpointQuota? Quota(string endpointName) => _quotas.GetValueOrDefault(endpointName);

    /// <summary>The retry strategy; exposed to tests so the delay it computes can be checked without waiting.</summary>
    internal RetryStrategyOptions CreateRetryOptions(string endpointName, EndpointOptions options) => new()
    {
        // Bounded below: 429s by time, everything else by MaxRetries.
        MaxRetryAttempts = int.MaxValue,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
        MaxDelay = RetryAfter.Max,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.AttemptNumber, args.Context, options)),
        // Null falls back to the exponential backoff above.
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Exception, timeProvider)),
        OnRetry = args =>
        {
            var reason = Reason(args.Outcome.Exception);
            if (TransientFailure.IsThrottle(args.Outcome.Exception))
            {
                Log.Throttled(_logger, endpointName, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
            }
            else
            {
                Log.Retrying(_logger, endpointName, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
            }
            metrics?.Retries.Add(1, new KeyValuePair<string, object?>("endpoint", endpointName), new KeyValuePair<string, object?>("reason", reason));
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>A 429 is retried until the endpoint's throttle deadline (counted from the first 429 of the call); other transient failures MaxRetries times.</summary>
    private bool ShouldRetry(Exception? exception, int attemptNumber, ResilienceContext context, EndpointOptions options)
    {
        if (!TransientFailure.IsTransient(exception, context.CancellationToken))
        {
            return false;
        }
        if (!TransientFailure.IsThrottle(exception))
        {
            return attemptNumber < options.MaxRetries;
        }
        var now = timeProvider.GetUtcNow();
        if (!context.Properties.TryGetValue(FirstThrottle, out var first))
        {
            context.Properties.Set(FirstThrottle, now);
            first = now;
        }
        return now - first < TimeSpan.FromSeconds(options.ThrottleRetrySeconds);
    }

    internal CircuitBreakerStrategyOptions CreateCircuitBreakerOptions(string endpointName, EndpointOptions options)
    {
        var settings = options.CircuitBreaker;
        return new CircuitBreakerStrategyOptions
        {
            FailureRatio = settings.FailureRatio,
            MinimumThroughput = settings.MinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(settings.SamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(settings.BreakSeconds),
            // Throttling is the quota working, not the endpoint failing: a 429 storm must never open the circuit.
            ShouldHandle = args => ValueTask.FromResult(
                TransientFailure.IsTransient(args.Outcome.Exception, args.Context.CancellationToken) && !TransientFailure.IsThrottle(args.Outcome.Exception)),
            OnOpened = args =>
            {
                Log.CircuitOpened(_logger, endpointName, args.BreakDuration.TotalSeconds);
                status?.CircuitOpened(endpointName, args.BreakDuration); // new work waits for the break to end
                metrics?.RecordCircuitState(endpointName, "open");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(_logger, endpointName);
                status?.CircuitClosed(endpointName);
                metrics?.RecordCircuitState(endpointName, "closed");
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                status?.CircuitClosed(endpointName);
                metrics?.RecordCircuitState(endpointName, "half_open");
                return ValueTask.CompletedTask;
            },
        };
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var limiter in _limiters)
            {
                limiter.Dispose();
            }
            _limiters.Clear();
        }
    }

    private T Track<T>(T limiter)
        where T : IDisposable
    {
        lock (_gate)
        {
            _limiters.Add(limiter);
        }
        return limiter;
    }

    private static string Reason(Exception? exception) => exception switch
    {
        ClientResultException result => $"HTTP {result.Status}",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
