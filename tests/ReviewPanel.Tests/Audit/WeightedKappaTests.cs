using ReviewPanel.Audit;

namespace ReviewPanel.Tests.Audit;

public sealed class WeightedKappaTests
{
    /// <summary>
    /// scikit-learn's test suite (sklearn/metrics/tests/test_classification.py, test_cohen_kappa, "Weighting example")
    /// asserts cohen_kappa_score(y1, y2, weights="quadratic") = 0.9541 for y1 = 46×0, 44×1, 10×2 and
    /// y2 = 50×0, 40×1, 10×2 paired by position. Quadratic kappa depends only on the differences between categories, so
    /// the same data on 1..3 gives the same value. By hand: the 4 pairs (2,1) give mean observed (a−b)² = 0.04; under
    /// independence E(a−b)² = Var a + Var b + (ā − b̄)² = 0.4304 + 0.44 + 0.0016 = 0.872; κ = 1 − 0.04/0.872 = 0.95413.
    /// </summary>
    [Fact]
    public void Quadratic_ScikitLearnWeightingExample_Matches()
    {
        var y1 = Repeat(1, 46).Concat(Repeat(2, 44)).Concat(Repeat(3, 10)).ToArray();
        var y2 = Repeat(1, 50).Concat(Repeat(2, 40)).Concat(Repeat(3, 10)).ToArray();

        var kappa = WeightedKappa.Quadratic(y1, y2);

        Assert.NotNull(kappa);
        Assert.Equal(0.9541, kappa.Value, 0.00005);
    }

    /// <summary>
    /// Hand computation with κ_w = 1 − Σw·O / Σw·E (Cohen 1968), w = (i−j)²/(k−1)², whose constant cancels:
    /// a = 1,2,3,4,5 and b = 1,2,3,4,4. Observed mean (a−b)² = 1/5 = 0.2. Expected under independence:
    /// Var a = 2, Var b = 9.2 − 2.8² = 1.36, (ā − b̄)² = 0.04, total 3.4. κ = 1 − 0.2/3.4 = 16/17.
    /// </summary>
    [Fact]
    public void Quadratic_HandComputedExample_Matches()
    {
        Assert.Equal(16.0 / 17.0, WeightedKappa.Quadratic([1, 2, 3, 4, 5], [1, 2, 3, 4, 4])!.Value, 1e-12);
    }

    [Fact]
    public void Quadratic_FartherDisagreement_LowersKappaMore()
    {
        int[] a = [1, 2, 3, 4, 5, 3, 2, 4];
        int[] nearMiss = [1, 2, 3, 4, 4, 3, 2, 4];
        int[] farMiss = [1, 2, 3, 4, 1, 3, 2, 4];

        Assert.True(WeightedKappa.Quadratic(a, farMiss) < WeightedKappa.Quadratic(a, nearMiss));
    }

    [Fact]
    public void Quadratic_MissingValues_DropThePair()
    {
        int?[] a = [1, 2, null, 4, 5, 3];
        int?[] b = [1, 2, 5, 4, 4, null];

        Assert.Equal(WeightedKappa.Quadratic([1, 2, 4, 5], [1, 2, 4, 4]), WeightedKappa.Quadratic(a, b));
        Assert.Null(WeightedKappa.Quadratic([null, 3], [2, null]));
    }

    [Fact]
    public void Quadratic_PerfectAgreement_ReturnsOne()
    {
        Assert.Equal(1.0, WeightedKappa.Quadratic([1, 3, 5, 4], [1, 3, 5, 4]));
    }

    [Fact]
    public void Quadratic_ValueOutsideScale_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedKappa.Quadratic([1, 6], [1, 5]));
        Assert.Throws<ArgumentException>(() => WeightedKappa.Quadratic([1, 2], [1]));
    }

    private static IEnumerable<int> Repeat(int value, int count) => Enumerable.Repeat(value, count);
}
