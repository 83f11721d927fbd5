using ReviewPanel.Audit;

namespace ReviewPanel.Tests.Audit;

public sealed class SpearmanRhoTests
{
    /// <summary>
    /// The worked example of the Wikipedia article "Spearman's rank correlation coefficient" (IQ against hours of TV
    /// per week, ten people, no ties): Σd² = 194, ρ = 1 − 6·194 / (10·99) = −29/165 ≈ −0.1758.
    /// </summary>
    [Fact]
    public void Compute_IqVersusTelevisionExample_MatchesPublished()
    {
        double[] iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
        double[] tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

        Assert.Equal(-29.0 / 165.0, SpearmanRho.Compute(iq, tv)!.Value, 1e-12);
    }

    /// <summary>
    /// With ties, by hand: x = 1,2,2,3,4 ranks to 1, 2.5, 2.5, 4, 5; y = 2,1,3,3,5 ranks to 2, 1, 3.5, 3.5, 5.
    /// Both rank means are 3; deviations dx = −2,−.5,−.5,1,2 and dy = −1,−2,.5,.5,2; Σdx·dy = 7.25, Σdx² = Σdy² = 9.5;
    /// ρ = 7.25 / 9.5 = 29/38. (The no-ties shortcut 1 − 6Σd²/(n(n²−1)) would give 0.775, not this.)
    /// </summary>
    [Fact]
    public void Compute_Ties_UsesAverageRanksAndPearson()
    {
        Assert.Equal(29.0 / 38.0, SpearmanRho.Compute([1, 2, 2, 3, 4], [2, 1, 3, 3, 5])!.Value, 1e-12);
    }

    [Fact]
    public void AverageRanks_TiedValues_ShareTheMeanRank()
    {
        Assert.Equal([2.0, 4.0, 2.0, 2.0, 5.0], SpearmanRho.AverageRanks([3, 7, 3, 3, 9]));
    }

    [Fact]
    public void Compute_MonotoneButNonLinear_IsOne()
    {
        Assert.Equal(1.0, SpearmanRho.Compute([1, 2, 3, 4], [1, 8, 27, 64])!.Value, 1e-12);
        Assert.Equal(-1.0, SpearmanRho.Compute([1, 2, 3, 4], [10, 5, 2, 1])!.Value, 1e-12);
    }

    [Fact]
    public void Compute_NoVariationOrTooFewPairs_ReturnsNull()
    {
        Assert.Null(SpearmanRho.Compute([3, 3, 3], [1, 2, 3]));
        Assert.Null(SpearmanRho.Compute([1], [2]));
    }
}
