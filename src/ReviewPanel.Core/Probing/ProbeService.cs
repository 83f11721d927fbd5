using Microsoft.Extensions.Options;
using ReviewPanel.Panel;
using ReviewPanel.Storage;

namespace ReviewPanel.Probing;

/// <summary>The probe behind <c>reviewpanel probe</c>: the panel it asked for, built like every other run's, and probe reports read back from the history.</summary>
public sealed class ProbeService(ProbeRunner runner, PanelBuilder builder, BatchRunner batch, IHistoryReader store, IOptions<PanelOptions> options)
{
    /// <exception cref="ConfigurationProblemException">The panel asked for is not configured.</exception>
    public Task<ProbeResult> RunAsync(PanelKind kind, string command, ProbeRequest request, CancellationToken cancellationToken)
    {
        var panel = builder.Build(kind, fresh: false);
        var probePanel = new BatchProbePanel(batch, panel, () => builder.DescribeRun(panel, command, kind), options.Value.MaxParallelProfiles ?? panel.SuggestedParallelism);
        return runner.RunAsync(probePanel, request, cancellationToken);
    }

    /// <exception cref="InvalidDataException">The run is not a probe run, or its records do not match its settings.</exception>
    public Task<ProbeReport> LoadAsync(string runId, CancellationToken cancellationToken) => ProbeHistory.LoadAsync(store, runId, cancellationToken);
}
