namespace ReviewPanel.Reviewing.Llm;

/// <summary>A validated <c>review</c> reply: one score per asked dimension (in the order asked), injections, summary.</summary>
public sealed record ParsedReview(IReadOnlyList<DimensionScore> Scores, IReadOnlyList<Evidence> Injections, string Summary);
