using ReviewPanel.Reviewing;

namespace ReviewPanel.Provenance;

/// <summary>Provenance of a run: tool, rubric, reviewers and settings, and when it started and ended.</summary>
public sealed record RunProvenance
{
    public required string RunId { get; init; }
    public required string ToolVersion { get; init; }
    public required string RubricSha256 { get; init; }
    public required IReadOnlyList<ReviewerDescriptor> Reviewers { get; init; }
    /// <summary>The effective settings (gate, panel) as flat key/value pairs; never secrets.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    public required string Command { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
