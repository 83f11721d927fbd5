namespace ReviewPanel.Heuristics;

/// <summary>
/// What the heuristics computed for the last few layers, by reference: every reviewer of a profile splits and
/// normalizes the same layer objects, and they are all reviewed within moments of each other. Bounded and evicted
/// first in, first out; unlike a ConditionalWeakTable it costs the GC no handle per entry (with one per layer the
/// collector's handle scanning was a visible share of a large batch). A miss only recomputes.
/// </summary>
internal sealed class RecentCache<TKey, TValue>(int capacity)
    where TKey : class
{
    private readonly Dictionary<TKey, TValue> _values = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<TKey> _order = new();
    private readonly Lock _lock = new();

    public TValue GetValue(TKey key, Func<TKey, TValue> create)
    {
        lock (_lock)
        {
            if (_values.TryGetValue(key, out var cached)) return cached;
        }
        var value = create(key);
        lock (_lock)
        {
            if (_values.TryAdd(key, value))
            {
                _order.Enqueue(key);
                if (_order.Count > capacity) _values.Remove(_order.Dequeue());
            }
        }
        return value;
    }
}
