namespace ReviewPanel.Probing;

/// <summary>The outcome of a probe: the report (null when nothing could be probed) and the problems that stopped it or that it met.</summary>
public sealed record ProbeResult(ProbeReport? Report, IReadOnlyList<string> Problems);
