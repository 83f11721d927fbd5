namespace ReviewPanel.Probing;

/// <summary>A mutant the gate did not fail on the expected dimension: what was planted where, the verdict, and what each reviewer said.</summary>
public sealed record ProbeMiss(string Source, string Note, MutationSpan Span, string Verdict, IReadOnlyList<string> Failing, IReadOnlyList<ProbeQuote> Reviewers);
