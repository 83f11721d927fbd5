namespace ReviewPanel.Probing;

/// <summary>What to probe: the originals, which defect classes (all when empty), mutants per class and original, and the seed.</summary>
public sealed record ProbeRequest
{
    public required IReadOnlyList<string> Paths { get; init; }
    public IReadOnlyList<string> Classes { get; init; } = [];
    /// <summary>Mutants per class and original (default 1). Each draws its own seed; identical mutants are made once.</summary>
    public int PerClass { get; init; } = 1;
    public int Seed { get; init; } = 1;
}
