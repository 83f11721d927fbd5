using Microsoft.Extensions.Hosting;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Cli.Worker;

/// <summary>
/// Feeds the queue gauges (depth, oldest age). The gauge callback must be cheap and synchronous, so the queue is read
/// here every few seconds and the callback returns the last reading.
/// </summary>
public sealed class QueueGaugeRefresher(IWorkQueue queue, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private QueueGaugeReading? _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        QueueGaugeSource.Register(() => _last);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var status = await queue.GetStatusAsync(stoppingToken).ConfigureAwait(false);
                    var waiting = status.Counts.GetValueOrDefault(WorkState.Queued) + status.Counts.GetValueOrDefault(WorkState.Errored);
                    var age = status.OldestWaiting is { } oldest ? time.GetUtcNow() - oldest.EnqueuedAt : TimeSpan.Zero;
                    _last = new QueueGaugeReading(waiting, age < TimeSpan.Zero ? TimeSpan.Zero : age);
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
            QueueGaugeSource.Clear();
        }
    }
}
