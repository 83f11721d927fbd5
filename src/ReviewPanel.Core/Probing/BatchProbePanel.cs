using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;

namespace ReviewPanel.Probing;

/// <summary><see cref="IProbePanel"/> over <see cref="BatchRunner"/> and a <see cref="PanelRunner"/>: probes go the way every review goes.</summary>
/// <param name="describeRun">A fresh run's provenance (new id, rubric, reviewers, gate settings), as the review command records it.</param>
public sealed class BatchProbePanel(BatchRunner batch, PanelRunner panel, Func<RunProvenance> describeRun, int maxParallelProfiles) : IProbePanel
{
    public RunProvenance DescribeRun(IReadOnlyDictionary<string, string> probeSettings)
    {
        ArgumentNullException.ThrowIfNull(probeSettings);
        var run = describeRun();
        var settings = new Dictionary<string, string>(run.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in probeSettings)
        {
            settings[key] = value;
        }
        return run with { Settings = settings };
    }

    public Task<BatchResult> ReviewAsync(RunProvenance run, IReadOnlyList<string> sources,
        Func<string, CancellationToken, ValueTask<ImportResult>> load, CancellationToken cancellationToken) =>
        batch.RunAsync(panel, run, sources, load, maxParallelProfiles, null, cancellationToken);
}
