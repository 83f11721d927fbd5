using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Observability;

/// <summary>
/// Ready when the store answers a cheap query within a few seconds and no endpoint's circuit is open: a worker that
/// cannot record, or whose model endpoint is failing fast, should not be sent more work.
/// </summary>
public sealed class StoreAndCircuitReadinessCheck(IHistoryReader store, ReviewPanelMetrics metrics) : IReadinessCheck
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    public async Task<string?> NotReadyReasonAsync(CancellationToken cancellationToken)
    {
        var open = metrics.OpenCircuits;
        if (open.Count > 0)
        {
            return "circuit open: " + string.Join(", ", open.Order(StringComparer.Ordinal));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreTimeout);
        try
        {
            await store.GetLatestRunIdAsync(timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "store unreachable: no answer within " + StoreTimeout.TotalSeconds + " s";
        }
#pragma warning disable CA1031 // any failure of the probe means "not ready", reported rather than thrown
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return "store unreachable: " + ex.GetType().Name;
        }
    }
}
