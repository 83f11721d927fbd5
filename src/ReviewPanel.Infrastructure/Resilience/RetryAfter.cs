using System.ClientModel;
using System.Globalization;

namespace ReviewPanel.Resilience;

/// <summary>
/// Reads how long the server asked us to wait: <c>retry-after-ms</c> (Azure OpenAI, milliseconds) first, then
/// <c>retry-after</c> (seconds or an HTTP date). Null when the failure carries no such header.
/// </summary>
internal static class RetryAfter
{
    /// <summary>Longest server-requested wait honoured; beyond it the circuit breaker is the better answer.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(2);

    public static TimeSpan? From(Exception? exception, TimeProvider timeProvider)
    {
        if (exception is not ClientResultException result || result.GetRawResponse() is not { } response)
        {
            return null;
        }
        var headers = response.Headers;
        if (headers.TryGetValue("retry-after-ms", out var ms) || headers.TryGetValue("x-ms-retry-after-ms", out ms))
        {
            if (double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return Clamp(TimeSpan.FromMilliseconds(milliseconds));
            }
        }
        if (headers.TryGetValue("retry-after", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return Clamp(TimeSpan.FromSeconds(seconds));
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return Clamp(date - timeProvider.GetUtcNow());
            }
        }
        return null;
    }

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Max ? Max : delay;
}
