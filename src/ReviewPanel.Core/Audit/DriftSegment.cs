namespace ReviewPanel.Audit;

/// <summary>A stretch of reports over which a reviewer kept one version and model, and the scores it gave there.</summary>
/// <param name="Version">The reviewer's version (the prompt's SHA-256 for LLM reviewers).</param>
/// <param name="Model">The model its calls reported, or null for heuristics.</param>
/// <param name="From">Start time of the first report in the segment.</param>
/// <param name="To">Start time of the last report in the segment.</param>
/// <param name="Reviews">Reviews in the segment, errors included.</param>
/// <param name="MeanScore">Mean of every score it gave in the segment, all dimensions; null when it gave none.</param>
/// <param name="MeanByDimension">Mean score per dimension it scored in the segment.</param>
public sealed record DriftSegment(
    string Version,
    string? Model,
    DateTimeOffset From,
    DateTimeOffset To,
    int Reviews,
    double? MeanScore,
    IReadOnlyDictionary<string, double> MeanByDimension);
