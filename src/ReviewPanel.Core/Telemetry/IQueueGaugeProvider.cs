namespace ReviewPanel.Telemetry;

/// <summary>
/// Where the queue gauges (<c>reviewpanel.queue.depth</c>, <c>reviewpanel.queue.oldest_age</c>) read the queue: a
/// process with a queue (the worker) registers one. <see cref="Read"/> runs on the collector's thread at every
/// collection, so it must be cheap; null means "nothing to report".
/// </summary>
public interface IQueueGaugeProvider
{
    QueueGaugeReading? Read();
}
