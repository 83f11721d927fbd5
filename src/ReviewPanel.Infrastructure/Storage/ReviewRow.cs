namespace ReviewPanel.Storage;

/// <summary>One row of <c>reviews</c>: a panel review (role "review") or an adjudication step (role "adjudication").</summary>
internal sealed record ReviewRow(
    int Ordinal,
    string Role,
    string ReviewerId,
    string ReviewerVersion,
    string Kind,
    string Status,
    string? CacheKey,
    string ReviewJson)
{
    public static readonly string[] Columns = ["verdict_seq", "ordinal", "role", "reviewer_id", "reviewer_version", "kind", "status", "cache_key", "review_json"];

    /// <summary>The row's values in <see cref="Columns"/> order.</summary>
    public object?[] Values(long verdictSequence) => [verdictSequence, Ordinal, Role, ReviewerId, ReviewerVersion, Kind, Status, CacheKey, ReviewJson];
}
