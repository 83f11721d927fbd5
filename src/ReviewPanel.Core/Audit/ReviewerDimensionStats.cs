namespace ReviewPanel.Audit;

/// <summary>One reviewer's behaviour on one dimension across a set of reports.</summary>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="Reviews">Reports that hold a review by this reviewer (errors included).</param>
/// <param name="Errors">Reviews that ended in error (no scores at all).</param>
/// <param name="Scored">Successful reviews with a score on the dimension.</param>
/// <param name="Abstained">Successful reviews without a score on the dimension (explicit abstention or omitted).</param>
/// <param name="MeanBias">Mean of (own score − panel median) over reports where at least two reviewers scored; null when none.</param>
/// <param name="BiasUnits">How many reports <paramref name="MeanBias"/> averages over.</param>
/// <param name="Contested">Reports where this reviewer scored the dimension and another reviewer had a grounded finding on it.</param>
/// <param name="Lenient">Of those, how many this reviewer scored at or above the pass threshold anyway.</param>
public sealed record ReviewerDimensionStats(
    string ReviewerId,
    int Reviews,
    int Errors,
    int Scored,
    int Abstained,
    double? MeanBias,
    int BiasUnits,
    int Contested = 0,
    int Lenient = 0)
{
    /// <summary>
    /// Leniency: the share of its passing scores given where another reviewer had a grounded finding (a score below
    /// the threshold backed by a quote found in the profile). Null when it never met such a finding.
    /// </summary>
    public double? Leniency => Contested == 0 ? null : (double)Lenient / Contested;

    /// <summary>Abstentions over successful reviews; null when every review erred.</summary>
    public double? AbstentionRate => Scored + Abstained == 0 ? null : (double)Abstained / (Scored + Abstained);

    /// <summary>Errored reviews over all reviews; null when there were none.</summary>
    public double? ErrorRate => Reviews == 0 ? null : (double)Errors / Reviews;
}
