namespace ReviewPanel.Reviewing;

/// <summary>
/// The one contract every reviewer returns, heuristic or LLM. A crash is data: <see cref="Status"/> is
/// <see cref="ReviewStatus.Error"/> with <see cref="Error"/> set and no scores.
/// </summary>
public sealed record Review
{
    public required string ReviewerId { get; init; }
    public required string ReviewerVersion { get; init; }
    public required string Kind { get; init; }
    public ReviewStatus Status { get; init; } = ReviewStatus.Ok;
    public IReadOnlyList<DimensionScore> Scores { get; init; } = [];
    public string Rationale { get; init; } = "";
    /// <summary>
    /// Instructions aimed at reviewers or models found inside the profile. A grounded one fails the profile
    /// whatever the scores say.
    /// </summary>
    public IReadOnlyList<Evidence> Injections { get; init; } = [];
    public string? Error { get; init; }
    /// <summary>What determines this review (text hash, prompt hash, rubric hash, model, settings); reruns reuse by it.</summary>
    public string? CacheKey { get; init; }
    /// <summary>The run whose review was reused from the cache instead of asking again; null for a fresh review.</summary>
    public string? ReusedFromRun { get; init; }
    /// <summary>Model calls behind this review (one per repeat); empty for heuristics.</summary>
    public IReadOnlyList<CallRecord> Calls { get; init; } = [];
    /// <summary>Each repeat's scores when the reviewer was asked K times; <see cref="Scores"/> holds their median.</summary>
    public IReadOnlyList<IReadOnlyList<DimensionScore>> Repeats { get; init; } = [];
    /// <summary>An adjudicator's answers to specific findings; the gate rules on each. Empty for other reviewers.</summary>
    public IReadOnlyList<RefutationClaim> Refutations { get; init; } = [];

    public static Review Failed(ReviewerDescriptor reviewer, string error, IReadOnlyList<CallRecord>? calls = null) => new()
    {
        ReviewerId = reviewer.Id,
        ReviewerVersion = reviewer.Version,
        Kind = reviewer.Kind,
        Status = ReviewStatus.Error,
        Error = error,
        Calls = calls ?? [],
    };
}
