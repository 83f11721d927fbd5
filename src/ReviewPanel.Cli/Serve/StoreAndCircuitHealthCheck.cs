using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Cli.Serve;

/// <summary>
/// Readiness (tag <see cref="OperationsEndpoints.ReadyTag"/>): healthy when the store answers a cheap query within a
/// few seconds and no endpoint's circuit is open (<see cref="ReviewPanelMetrics.OpenCircuits"/>). A worker that
/// cannot record, or whose model endpoint is failing fast, should not be sent more work; the description says why.
/// </summary>
public sealed class StoreAndCircuitHealthCheck(IHistoryReader store, ReviewPanelMetrics metrics) : IHealthCheck
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = metrics.OpenCircuits;
        if (open.Count > 0)
        {
            return HealthCheckResult.Unhealthy("circuit open: " + string.Join(", ", open.Order(StringComparer.Ordinal)));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreTimeout);
        try
        {
            await store.GetLatestRunIdAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("ready");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("store unreachable: no answer within " + StoreTimeout.TotalSeconds + " s");
        }
#pragma warning disable CA1031 // any failure of the probe means "not ready", reported rather than thrown
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // The type only: a driver's message can carry a connection string.
            return HealthCheckResult.Unhealthy("store unreachable: " + ex.GetType().Name);
        }
    }
}
