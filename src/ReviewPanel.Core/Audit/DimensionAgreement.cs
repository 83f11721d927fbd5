namespace ReviewPanel.Audit;

/// <summary>How the panel's reviewers agree on one dimension.</summary>
/// <param name="Dimension">The rubric dimension.</param>
/// <param name="Alpha">Krippendorff's alpha across reviewers (units = profile reports); null when no report has two scores.</param>
/// <param name="PairableUnits">Reports where at least two reviewers scored the dimension.</param>
/// <param name="Reviewers">Each reviewer that scored or abstained on the dimension at least once.</param>
public sealed record DimensionAgreement(
    string Dimension,
    double? Alpha,
    int PairableUnits,
    IReadOnlyList<ReviewerDimensionStats> Reviewers);
