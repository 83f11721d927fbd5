namespace ReviewPanel.Probing;

/// <summary>
/// What a probe measured, per defect class: the gate's recall, each reviewer's detection, and every miss with its span
/// and the reviewers' quotes. Rebuilt from the history by <see cref="ProbeHistory"/>; its JSON is documented in docs/probe.md.
/// </summary>
public sealed record ProbeReport
{
    public int SchemaVersion { get; init; } = 1;
    /// <summary>The mutants run (tagged <c>probe=mutants</c>); what <c>probe compare</c> takes.</summary>
    public required string ProbeRunId { get; init; }
    public required string OriginalsRunId { get; init; }
    public required string Panel { get; init; }
    public required int Seed { get; init; }
    public required int PerClass { get; init; }
    public required double PassThreshold { get; init; }
    public required IReadOnlyList<string> Reviewers { get; init; }
    public required ProbeOriginals Originals { get; init; }
    public required IReadOnlyList<ProbeClassResult> Classes { get; init; }
    /// <summary>Records whose version hash differs from the one the run's settings planned (tampering or a changed importer).</summary>
    public IReadOnlyList<string> Mismatches { get; init; } = [];
}
