namespace ReviewPanel.Reporting;

/// <summary>
/// One failing finding turned into an edit a generator can make: where (layer, 1-based line range in the source file),
/// what was quoted, what is wrong and what would fix it. Field names are a contract (docs/repairs.md).
/// </summary>
public sealed record RepairInstruction
{
    public required string ProfileId { get; init; }
    public required string VersionHash { get; init; }
    public required string RunId { get; init; }
    /// <summary>The dimension the finding fails, or <c>instructions-in-profile</c>.</summary>
    public required string Dimension { get; init; }
    /// <summary>Who made the finding (e.g. <c>heuristic.duplication</c>); null when no review carries the quote.</summary>
    public string? Reviewer { get; init; }
    public required string Layer { get; init; }
    /// <summary>The file the lines refer to, or null when the layer has no <c>file:</c> source.</summary>
    public string? File { get; init; }
    /// <summary>First and last line (1-based, inclusive) of the quote in <see cref="File"/>; the layer's lines when the quote could not be placed.</summary>
    public int? LineStart { get; init; }
    public int? LineEnd { get; init; }
    /// <summary><c>quote</c> when the lines are the quote's own, <c>layer</c> when they are the whole layer's, <c>none</c> when unknown.</summary>
    public required string LinesOf { get; init; }
    public required string Quote { get; init; }
    /// <summary>What is wrong: the finding's evidence note, else the reviewer's rationale.</summary>
    public required string Problem { get; init; }
    /// <summary>What would fix it, as an imperative edit.</summary>
    public required string Fix { get; init; }
}
