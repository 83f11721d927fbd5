using System.ClientModel;
using Polly.Timeout;

namespace ReviewPanel.Resilience;

/// <summary>
/// The one definition of "worth retrying" shared by retry and circuit breaker: 408, 429, 5xx, no response at all,
/// network errors and timeouts. A 400 (bad request, content filter) or 401/403/404 would fail the same way again.
/// </summary>
internal static class TransientFailure
{
    public static bool IsTransient(Exception? exception, CancellationToken callerToken) => exception switch
    {
        null => false,
        ClientResultException { Status: 0 } => true, // the transport failed before any response
        ClientResultException result => IsTransientStatus(result.Status),
        HttpRequestException http => http.StatusCode is null || IsTransientStatus((int)http.StatusCode),
        TimeoutRejectedException or TimeoutException or IOException => true,
        // The SDK's own network timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>A 429: the quota says "later", the endpoint is healthy.</summary>
    public static bool IsThrottle(Exception? exception) => exception switch
    {
        ClientResultException { Status: 429 } => true,
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.TooManyRequests } => true,
        _ => false,
    };
}
