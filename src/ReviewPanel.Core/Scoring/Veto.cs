using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>
/// A grounded finding that caps its dimension: a score below the pass threshold backed by at least one grounded quote.
/// Deterministic (heuristic) findings can never be lifted by a model; an LLM finding only by an accepted refutation.
/// </summary>
/// <param name="Reviewer">Who found it.</param>
/// <param name="Kind">The reviewer's kind (<c>heuristic</c>, <c>llm</c>).</param>
/// <param name="Score">The capped score: the dimension can be no higher.</param>
/// <param name="Evidence">The grounded quotes behind it.</param>
public sealed record Veto(string Reviewer, string Kind, int Score, IReadOnlyList<Evidence> Evidence)
{
    public bool IsDeterministic => Kind == ReviewerKinds.Heuristic;
}
