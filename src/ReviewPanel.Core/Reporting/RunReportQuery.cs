using ReviewPanel.Storage;

namespace ReviewPanel.Reporting;

/// <summary>
/// Loads one run's full reports and each profile's minimum-score history for the report writers, in a constant number
/// of queries whatever the run's size (the run, its reports, its profiles' histories).
/// </summary>
public sealed class RunReportQuery(IHistoryReader history)
{
    /// <returns>The report model, or null when the run is unknown.</returns>
    public async Task<ReportModel?> LoadAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await history.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }
        var reports = await history.GetRunReportsAsync(runId, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var points = new Dictionary<string, List<HistoryPoint>>(StringComparer.Ordinal);
        await foreach (var v in history.GetRunProfileHistoriesAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            if (!points.TryGetValue(v.ProfileId, out var list))
            {
                points[v.ProfileId] = list = [];
            }
            list.Add(new HistoryPoint(v.RunId, v.RecordedAt, v.Minimum));
        }
        return new ReportModel
        {
            Run = run,
            Profiles = reports,
            History = points.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<HistoryPoint>)kv.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The run <paramref name="runId"/>, or the latest when null.</summary>
    public async Task<string?> ResolveRunIdAsync(string? runId, CancellationToken cancellationToken) =>
        runId ?? await history.GetLatestRunIdAsync(cancellationToken).ConfigureAwait(false);
}
