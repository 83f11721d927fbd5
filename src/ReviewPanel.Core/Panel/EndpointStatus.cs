namespace ReviewPanel.Panel;

/// <summary>
/// The model endpoints' state as progress and scheduling need it: which limits hold calls (<see cref="IRateLimitStatus"/>)
/// and which circuits are open (<see cref="ICircuitStatus"/>). Thread-safe, one per process (a singleton).
/// </summary>
public sealed class EndpointStatus(TimeProvider? time = null) : IRateLimitStatus, ICircuitStatus
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _openUntil = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Waiting
    {
        get
        {
            lock (_gate)
            {
                return [.. _held.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>A call starts waiting on <paramref name="kind"/>.</summary>
    public void Hold(string kind)
    {
        lock (_gate)
        {
            _held[kind] = _held.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>A call stops waiting on <paramref name="kind"/> (admitted or cancelled).</summary>
    public void Release(string kind)
    {
        lock (_gate)
        {
            _held[kind] = Math.Max(0, _held.GetValueOrDefault(kind) - 1);
        }
    }

    /// <summary>The endpoint's circuit opened for <paramref name="breakDuration"/>; after it the next call is the half-open probe.</summary>
    public void CircuitOpened(string endpoint, TimeSpan breakDuration)
    {
        lock (_gate)
        {
            _openUntil[endpoint] = _time.GetUtcNow() + breakDuration;
        }
    }

    /// <summary>The endpoint's circuit closed (or is half-open: a probe may go).</summary>
    public void CircuitClosed(string endpoint)
    {
        lock (_gate)
        {
            _openUntil.Remove(endpoint);
        }
    }

    public TimeSpan? OpenFor
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                var longest = _openUntil.Values.Select(until => until - now).Where(left => left > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Max();
                return longest > TimeSpan.Zero ? longest : null;
            }
        }
    }

    public async Task<bool> WaitWhileOpenAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (OpenFor is { } left)
        {
            var remaining = deadline - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }
            await Task.Delay(left < remaining ? left : remaining, _time, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
