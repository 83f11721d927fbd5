using ReviewPanel.Panel;
using ReviewPanel.Storage;

namespace ReviewPanel.Reporting;

/// <summary>Loads one run's full reports and each profile's minimum-score history from the store, for the report writers.</summary>
public sealed class RunReportQuery(IReviewStore store)
{
    /// <returns>The report model, or null when the run is unknown.</returns>
    public async Task<ReportModel?> LoadAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }
        var reports = new List<ProfileReport>();
        var history = new Dictionary<string, IReadOnlyList<HistoryPoint>>(StringComparer.Ordinal);
        await foreach (var verdict in store.GetRunVerdictsAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetReportAsync(verdict.Sequence, cancellationToken).ConfigureAwait(false) is not { } report)
            {
                continue;
            }
            reports.Add(report);
            if (report.ProfileId is { Length: > 0 } id && !history.ContainsKey(id))
            {
                var points = new List<HistoryPoint>();
                await foreach (var h in store.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    points.Add(new HistoryPoint(h.RunId, h.RecordedAt, h.Minimum));
                }
                points.Reverse();
                history[id] = points;
            }
        }
        return new ReportModel { Run = run, Profiles = reports, History = history };
    }

    /// <summary>The run <paramref name="runId"/>, or the latest when null.</summary>
    public async Task<string?> ResolveRunIdAsync(string? runId, CancellationToken cancellationToken) =>
        runId ?? await store.GetLatestRunIdAsync(cancellationToken).ConfigureAwait(false);
}
