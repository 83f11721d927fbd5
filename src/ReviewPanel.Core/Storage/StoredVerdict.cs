using ReviewPanel.Scoring;

namespace ReviewPanel.Storage;

/// <summary>One verdict record of the history, with its place in the hash chain.</summary>
public sealed record StoredVerdict
{
    public required long Sequence { get; init; }
    public required string RunId { get; init; }
    public required string ProfileId { get; init; }
    public required string VersionHash { get; init; }
    public required string Source { get; init; }
    public required VerdictOutcome Outcome { get; init; }
    public double? Minimum { get; init; }
    /// <summary>Dimension → aggregate (null = not judged).</summary>
    public required IReadOnlyDictionary<string, double?> Scores { get; init; }
    public required IReadOnlyList<string> Failing { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>SHA-256 of the record's canonical JSON.</summary>
    public required string RecordSha256 { get; init; }
    /// <summary>SHA-256 of the previous record (the chain link); 64 zeros for the first.</summary>
    public required string PreviousSha256 { get; init; }
}
