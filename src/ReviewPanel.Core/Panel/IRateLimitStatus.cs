namespace ReviewPanel.Panel;

/// <summary>
/// Whether model calls are being held by an endpoint's quota right now, for progress output ("waiting for rate limit
/// (TPM)"). The endpoints' limiters update it (<see cref="EndpointStatus"/>); readers only look.
/// </summary>
public interface IRateLimitStatus
{
    /// <summary>The limits holding at least one call (<c>RPM</c>, <c>TPM</c>), or empty when none is.</summary>
    IReadOnlyList<string> Waiting { get; }
}
