namespace ReviewPanel.Waivers;

/// <summary>
/// A person's recorded decision to accept one profile version despite the panel: which dimensions (none listed = all,
/// the instructions-in-profile rule included), by whom, why, until when. Kept in its own hash chain in the history;
/// it never changes the panel's verdict, only the effective one (<see cref="EffectiveVerdict"/>).
/// </summary>
public sealed record Waiver
{
    /// <summary>Position in the waiver chain (1-based); 0 before it is recorded.</summary>
    public long Sequence { get; init; }
    public required string ProfileId { get; init; }
    public required string VersionHash { get; init; }
    /// <summary>Waived dimensions; empty waives every failing dimension and rule.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];
    public required string By { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public bool Covers(string dimension) => Dimensions.Count == 0 || Dimensions.Contains(dimension, StringComparer.Ordinal);

    public bool ActiveAt(DateTimeOffset now) => ExpiresAt is null || now < ExpiresAt;
}
