namespace ReviewPanel.Panel;

/// <summary>Counts the calls each limit kind holds; thread-safe, one per process (registered as a singleton).</summary>
public sealed class RateLimitStatus : IRateLimitStatus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

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
}
