using ReviewPanel.Panel;
using ReviewPanel.Storage;

namespace ReviewPanel.Probing;

/// <summary>
/// Rebuilds a probe's report from the history alone: the mutants run's settings (classes, seeds, spans), its verdicts,
/// and the originals run it names. Nothing but the store is needed, so old probes can be compared after the files are gone.
/// </summary>
public static class ProbeHistory
{
    /// <exception cref="InvalidDataException">The run does not exist or is not a probe's mutants run.</exception>
    public static async Task<ProbeReport> LoadAsync(IHistoryReader store, string probeRunId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var run = await store.GetRunAsync(probeRunId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"run {probeRunId} is not in the history");
        if (run.Settings.GetValueOrDefault(ProbeNames.SettingRole) != ProbeNames.RoleMutants
            || run.Settings.GetValueOrDefault(ProbeNames.SettingOriginalsRun) is not { Length: > 0 } originalsRun)
        {
            throw new InvalidDataException($"run {probeRunId} is not a probe run (its settings have no {ProbeNames.SettingRole}={ProbeNames.RoleMutants})");
        }
        var originals = await ReportsAsync(store, originalsRun, cancellationToken).ConfigureAwait(false);
        var mutants = await ReportsAsync(store, probeRunId, cancellationToken).ConfigureAwait(false);
        return ProbeReportBuilder.Build(run, originals, mutants);
    }

    private static async Task<List<ProfileReport>> ReportsAsync(IHistoryReader store, string runId, CancellationToken cancellationToken)
    {
        var reports = new List<ProfileReport>();
        await foreach (var verdict in store.GetRunVerdictsAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetReportAsync(verdict.Sequence, cancellationToken).ConfigureAwait(false) is { } report)
            {
                reports.Add(report);
            }
        }
        return reports;
    }
}
