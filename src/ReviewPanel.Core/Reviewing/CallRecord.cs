namespace ReviewPanel.Reviewing;

/// <summary>What one model call cost and returned, kept in provenance for every LLM review (and every repeat).</summary>
public sealed record CallRecord
{
    public string? Deployment { get; init; }
    public string? Model { get; init; }
    public double Temperature { get; init; }
    public int InputTokens { get; init; }
    public int OutputTokens { get; init; }
    /// <summary>HTTP attempts the resilience pipeline made, re-asks included.</summary>
    public int Attempts { get; init; }
    public double LatencyMs { get; init; }
    public IReadOnlyList<string> FinishReasons { get; init; } = [];
    /// <summary>Raw replies that failed validation (kept so an error can be audited; never parsed into a score).</summary>
    public IReadOnlyList<string> RejectedReplies { get; init; } = [];
}
