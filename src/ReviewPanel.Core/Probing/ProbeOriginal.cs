namespace ReviewPanel.Probing;

/// <summary>One original: its verdict, the dimensions it failed, how many mutants were made of it, or why none.</summary>
public sealed record ProbeOriginal(string Source, string? ProfileId, string Verdict, IReadOnlyList<string> Failing, int Mutants, string? NotMutated);
