namespace ReviewPanel.Probing;

/// <summary>
/// The unmutated originals: how many were reviewed, passed, failed and errored. Only passing originals are mutated;
/// <see cref="FalseFailRate"/> is failed / judged, the share of originals the gate failed before any defect was planted
/// (false fails when the originals are meant to be publishable).
/// </summary>
public sealed record ProbeOriginals
{
    public required int Reviewed { get; init; }
    public required int Passed { get; init; }
    public required int Failed { get; init; }
    public required int Errored { get; init; }
    public double? FalseFailRate { get; init; }
    public required IReadOnlyList<ProbeOriginal> Profiles { get; init; }
}
