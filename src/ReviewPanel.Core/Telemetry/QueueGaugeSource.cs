namespace ReviewPanel.Telemetry;

/// <summary>
/// The hook behind the queue gauges (<c>reviewpanel.queue.depth</c>, <c>reviewpanel.queue.oldest_age</c>): a process
/// with a queue (the worker) registers a callback that reads it; without one the gauges report nothing. The callback
/// runs on the collector's thread whenever metrics are collected, so it must be cheap and must not throw.
/// </summary>
public static class QueueGaugeSource
{
    private static Func<QueueGaugeReading?>? _reader;

    /// <summary>Registers the callback that reads the queue; replaces any earlier one.</summary>
    public static void Register(Func<QueueGaugeReading?> reader)
    {
        Volatile.Write(ref _reader, reader ?? throw new ArgumentNullException(nameof(reader)));
        // The gauges are created with the meter; make sure they exist even if nothing else has touched it yet.
        _ = ReviewPanelTelemetry.Meter;
    }

    /// <summary>Removes the callback (the queue is gone); the gauges report nothing again.</summary>
    public static void Clear() => Volatile.Write(ref _reader, null);

    internal static QueueGaugeReading? Read()
    {
        try
        {
            return Volatile.Read(ref _reader)?.Invoke();
        }
#pragma warning disable CA1031 // a broken reader must not break every other instrument's collection
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
