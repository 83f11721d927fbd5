namespace ReviewPanel.Probing;

/// <summary>One reviewer's detection rate on a class in two probe runs (null where it was not on the panel or had no mutants).</summary>
public sealed record ProbeReviewerDrift(string Reviewer, double? DetectionBefore, double? DetectionAfter);
