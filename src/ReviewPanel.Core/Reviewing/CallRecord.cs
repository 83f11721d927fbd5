namespace ReviewPanel.Reviewing;

/// <summary>What one model call cost and returned, kept in provenance for every LLM review (and every repeat).</summary>
public sealed record CallRecord
{
    public string? Deployment { get; init; }
    public string? Model { get; init; }
    public double Temperature { get; init; }
    public int InputTokens { get; init; }
    public int OutputTokens { get; init; }
    /// <summary>
    /// Of <see cref="InputTokens"/>, those the service reported as served from its prompt cache (priced at the
    /// deployment's cached-input price). Not written when 0, so records from before it hash as they did.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int CachedInputTokens { get; init; }
    /// <summary>HTTP attempts the resilience pipeline made, re-asks included.</summary>
    public int Attempts { get; init; }
    public double LatencyMs { get; init; }
    public IReadOnlyList<string> FinishReasons { get; init; } = [];
    /// <summary>Raw replies that failed validation (kept so an error can be audited; never parsed into a score).</summary>
    public IReadOnlyList<string> RejectedReplies { get; init; } = [];
}
