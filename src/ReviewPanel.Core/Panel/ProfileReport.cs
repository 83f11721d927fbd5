using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Panel;

/// <summary>
/// Everything recorded for one profile in one run: what was reviewed, every review, the verdict and the
/// per-layer provenance. Its canonical JSON is what the history's hash chain covers.
/// </summary>
public sealed record ProfileReport
{
    public required string RunId { get; init; }
    public required string Source { get; init; }
    /// <summary>Null when the file could not be imported.</summary>
    public string? ProfileId { get; init; }
    public string? Title { get; init; }
    public string? VersionHash { get; init; }
    public required Verdict Verdict { get; init; }
    public IReadOnlyList<Review> Reviews { get; init; } = [];
    public IReadOnlyList<LayerProvenance> Layers { get; init; } = [];
    /// <summary>Adjudication steps, each its own provenance entry.</summary>
    public IReadOnlyList<Review> Adjudications { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
}
