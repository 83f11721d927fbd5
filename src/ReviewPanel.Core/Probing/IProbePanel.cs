using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;

namespace ReviewPanel.Probing;

/// <summary>
/// The one seam between a probe and the panel it measures: describe a run, and review a batch through the normal
/// panel, cache, gate and history. Kept this small so the application layer can wire it however it assembles panels.
/// </summary>
public interface IProbePanel
{
    /// <summary>A new run's provenance with <paramref name="probeSettings"/> added to its settings.</summary>
    RunProvenance DescribeRun(IReadOnlyDictionary<string, string> probeSettings);

    /// <summary>Reviews and records every source; <paramref name="load"/> turns a source name into a profile.</summary>
    Task<BatchResult> ReviewAsync(RunProvenance run, IReadOnlyList<string> sources,
        Func<string, CancellationToken, ValueTask<ImportResult>> load, CancellationToken cancellationToken);
}
