namespace ReviewPanel.Probing;

/// <summary>What one reviewer said on the expected dimension of a missed mutant: its score, rationale and quoted evidence.</summary>
public sealed record ProbeQuote(string Reviewer, int? Score, string Rationale, IReadOnlyList<string> Quotes);
