namespace ReviewPanel.Panel;

/// <summary>
/// Whether a model endpoint's circuit is open (5xx, timeouts: it fails calls fast until its break is over), so a batch
/// or the worker holds new work instead of starting profiles that can only error. Updated by the endpoints' breakers
/// (<see cref="EndpointStatus"/>).
/// </summary>
public interface ICircuitStatus
{
    /// <summary>How long until the last open circuit lets a probe call through; null when none is open.</summary>
    TimeSpan? OpenFor { get; }

    /// <summary>Waits while a circuit is open, at most <paramref name="deadline"/>; true when none is open any more.</summary>
    Task<bool> WaitWhileOpenAsync(TimeSpan deadline, CancellationToken cancellationToken);
}
