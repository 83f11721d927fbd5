using Microsoft.Extensions.Hosting;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Cli.Worker;

/// <summary>
/// Feeds the queue gauges (depth, oldest age) as their <see cref="IQueueGaugeProvider"/>. The gauge callback must be
/// cheap and synchronous, so the queue is read here every few seconds and the callback returns the last reading.
/// </summary>
public sealed class QueueGaugeRefresher(IWorkQueue queue, TimeProvider time) : BackgroundService, IQueueGaugeProvider
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private volatile Box? _last;

    /// <summary>The last reading, or null before the first and after the worker stopped.</summary>
    public QueueGaugeReading? Read() => _last?.Reading;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var status = await queue.GetStatusAsync(stoppingToken).ConfigureAwait(false);
                    var waiting = status.Counts.GetValueOrDefault(WorkState.Queued) + status.Counts.GetValueOrDefault(WorkState.Errored);
                    var age = status.OldestWaiting is { } oldest ? time.GetUtcNow() - oldest.EnqueuedAt : TimeSpan.Zero;
                    _last = new Box(new QueueGaugeReading(waiting, age < TimeSpan.Zero ? TimeSpan.Zero : age));
                }
                catch (Exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A store hiccup leaves the last reading in place; /readyz reports the store itself.
                }
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _last = null;
        }
    }

    // A struct reading cannot be written atomically; a reference to an immutable box can.
    private sealed record Box(QueueGaugeReading Reading);
}
