namespace ReviewPanel.Probing;

/// <summary>
/// One reviewer on one class: how many mutants it flagged (a grounded score below the pass threshold on the expected
/// dimension, or a grounded injection for the injection classes), and its mean score on that dimension for the
/// originals and for the mutants (null when it never scored it).
/// </summary>
public sealed record ProbeReviewerResult(string Reviewer, int Mutants, int Detected, double? DetectionRate, double? MeanOriginal, double? MeanMutant);
