namespace ReviewPanel.Audit;

/// <summary>A reviewer whose version (prompt hash or code version) or model changed across reports, with its scores per segment.</summary>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="Segments">Consecutive runs of reports with the same version and model, oldest first; at least two.</param>
public sealed record ReviewerDrift(string ReviewerId, IReadOnlyList<DriftSegment> Segments);
