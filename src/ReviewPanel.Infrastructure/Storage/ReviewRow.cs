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
    string ReviewJson);
