using System.ClientModel.Primitives;
using System.Globalization;

namespace ReviewPanel.Resilience;

/// <summary>
/// An SDK pipeline policy (added per call to the OpenAI / Azure OpenAI client options) that reads Azure's
/// <c>x-ratelimit-remaining-requests</c> and <c>x-ratelimit-remaining-tokens</c> from every successful HTTP response
/// and hands them to the endpoint's <see cref="EndpointQuota"/>. A 429's counts are not applied: its own
/// <c>retry-after</c> already holds that call, and applying its zero would stall every other call as well.
/// Inside a <see cref="ResilientChatClient"/> attempt the counts are handed to it (<see cref="Capture"/>), so it applies
/// them after correcting the admission charge with the reply's usage, which the service's count already includes.
/// </summary>
public sealed class RateLimitHeadersPolicy(EndpointQuota quota) : PipelinePolicy
{
    // Flows down into the SDK call of one attempt; the attempt reads what the response filled in.
    private static readonly AsyncLocal<RemainingQuota?> Captured = new();

    /// <summary>From here down the current async flow, responses fill the returned counts instead of applying them.</summary>
    public static RemainingQuota Capture() => Captured.Value = new RemainingQuota();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        ProcessNext(message, pipeline, currentIndex);
        Read(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Read(message);
    }

    private void Read(PipelineMessage message)
    {
        if (message.Response is not { Status: >= 200 and < 300 } response)
        {
            return;
        }
        var requests = Number(response.Headers, "x-ratelimit-remaining-requests");
        var tokens = Number(response.Headers, "x-ratelimit-remaining-tokens");
        if (Captured.Value is { } capture)
        {
            capture.Requests = requests;
            capture.Tokens = tokens;
            return;
        }
        quota.Observe(requests, tokens);
    }

    private static long? Number(PipelineResponseHeaders headers, string name) =>
        headers.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
