namespace ReviewPanel.Reviewing.Llm;

/// <summary>A validated <c>adjudication</c> reply.</summary>
public sealed record ParsedAdjudication(string Dimension, int Score, string Rationale, IReadOnlyList<RefutationClaim> Refutations);
