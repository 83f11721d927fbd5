using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Resilience;

/// <summary>
/// Runs every chat request of one endpoint through its resilience pipeline, counts the HTTP attempts into
/// <c>ChatResponse.AdditionalProperties["reviewpanel.attempts"]</c> (or the exception's <c>Data</c> when it gives
/// up), and turns Azure's content-filter 400 into <see cref="ContentFilterException"/>. Reviewers know nothing of it.
/// Streaming passes through unretried: a half-streamed reply cannot be retried transparently, and reviewers do not stream.
/// </summary>
public sealed class ResilientChatClient(IChatClient innerClient, ResiliencePipeline pipeline, string endpointName, ILogger? logger = null)
    : DelegatingChatClient(innerClient)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Materialize once: every attempt must send the same messages.
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var attempts = 0;
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    Interlocked.Increment(ref attempts);
                    return await base.GetResponseAsync(list, options, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
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
    }
}
