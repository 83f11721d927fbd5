using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Resilience;

/// <summary>
/// Runs every chat request of one endpoint through its resilience pipeline, counts the HTTP attempts into
/// <c>ChatResponse.AdditionalProperties["reviewpanel.attempts"]</c> (or the exception's <c>Data</c> when it gives
/// up), and turns Azure's content-filter 400 into <see cref="ContentFilterException"/>. Reviewers know nothing of it.
/// Streaming passes through unretried: a half-streamed reply cannot be retried transparently, and reviewers do not stream.
/// After each attempt it corrects the endpoint's <paramref name="quota"/>: the reply's reported prompt tokens replace the
/// estimate charged at admission, and a 429 gives the attempt's charge back (<see cref="EndpointQuota"/>).
/// </summary>
public sealed class ResilientChatClient(
    IChatClient innerClient, ResiliencePipeline pipeline, string endpointName, ILogger? logger = null, TokenUsageEstimate? tokenEstimate = null,
    ReviewPanelMetrics? metrics = null, ReviewPanelActivities? activities = null, EndpointQuota? quota = null)
    : DelegatingChatClient(innerClient)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Materialize once: every attempt must send the same messages.
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var prompt = PromptEstimate(list);
        var charge = TokenCharge(list, options);
        context.Properties.Set(ChatResiliencePipelineFactory.TokenCharge, charge);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ctx =>
                {
                    var attempt = Interlocked.Increment(ref attempts);
                    return await AttemptAsync(list, options, attempt, prompt, charge, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
            response.AdditionalProperties ??= [];
            response.AdditionalProperties[LlmCallProperties.AttemptsKey] = attempts;
            return response;
        }
        catch (ClientResultException ex) when (ContentFilterDetector.IsContentFilter(ex))
        {
            Log.ContentFiltered(_logger, endpointName);
            var filtered = new ContentFilterException($"The content filter of endpoint '{endpointName}' rejected the request (HTTP 400 content_filter).", ex);
            filtered.Data[LlmCallProperties.AttemptsKey] = attempts;
            throw filtered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ex.Data[LlmCallProperties.AttemptsKey] = attempts;
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Tokens Azure OpenAI charges a request on arrival: prompt characters / 4, plus max_tokens (1,000 when absent).</summary>
    public const int DefaultMaxTokensCharge = CallEstimate.DefaultMaxOutputTokens;

    public static int TokenCharge(IReadOnlyList<ChatMessage> messages, ChatOptions? options) =>
        (int)Math.Min(int.MaxValue, (long)PromptEstimate(messages) + (options?.MaxOutputTokens ?? DefaultMaxTokensCharge));

    /// <summary>The prompt part of <see cref="TokenCharge"/>: characters / 4, rounded up (the one estimate <c>--dry-run</c> uses too).</summary>
    public static int PromptEstimate(IReadOnlyList<ChatMessage> messages) => CallEstimate.PromptTokensOf(messages);

    // One span per HTTP attempt (retries are siblings under the model call), and the 429 count per endpoint.
    private async Task<ChatResponse> AttemptAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, int attempt, int prompt, int charge, CancellationToken cancellationToken)
    {
        using var activity = activities?.Start("reviewpanel.http.attempt", ActivityKind.Client);
        activity?.SetTag("reviewpanel.endpoint", endpointName);
        activity?.SetTag("reviewpanel.attempt", attempt);
        var remaining = RateLimitHeadersPolicy.Capture();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", 200);
            if (response.Usage is { } usage)
            {
                tokenEstimate?.Observe(usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)));
                quota?.Reconcile(prompt, usage.InputTokenCount);
            }
            // After the correction: the service's count already includes this request's real prompt tokens.
            quota?.Observe(remaining.Requests, remaining.Tokens);
            return response;
        }
        catch (Exception ex)
        {
            var status = ex is ClientResultException result ? result.Status : 0;
            if (status == 429)
            {
                metrics?.Throttles.Add(1, new KeyValuePair<string, object?>("endpoint", endpointName));
                quota?.Rejected(charge);
            }
            if (status != 0)
            {
                activity?.SetTag("http.response.status_code", status);
            }
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
