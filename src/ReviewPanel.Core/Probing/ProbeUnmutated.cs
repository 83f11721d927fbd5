namespace ReviewPanel.Probing;

/// <summary>An original that passed but was not mutated, and why (e.g. a JSON original: operators mutate text pages).</summary>
public sealed record ProbeUnmutated(string Source, string Reason);
