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
    /// Input tokens the provider served from its prompt cache (<c>prompt_tokens_details.cached_tokens</c>), part of
    /// <see cref="InputTokens"/>; null when no reply reported it (and in records written before it was kept).
    /// </summary>
    public int? CachedInputTokens { get; init; }
    /// <summary>
    /// The max_tokens sent, summed over the requests of this call (re-asks included): what the quota is charged for
    /// the reply on arrival, whatever the reply's length. Null in records written before it was kept.
    /// </summary>
    public int? ReservedOutputTokens { get; init; }
    /// <summary>HTTP attempts the resilience pipeline made, re-asks included.</summary>
    public int Attempts { get; init; }
    public double LatencyMs { get; init; }
    public IReadOnlyList<string> FinishReasons { get; init; } = [];
    /// <summary>Raw replies that failed validation (kept so an error can be audited; never parsed into a score).</summary>
    public IReadOnlyList<string> RejectedReplies { get; init; } = [];
}
