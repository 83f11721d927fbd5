using ReviewPanel.Audit;

namespace ReviewPanel.Tests.Audit;

public sealed class KrippendorffAlphaTests
{
    /// <summary>
    /// The reliability data of Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Annenberg School
    /// for Communication, University of Pennsylvania, section C ("Nominal data, any number of observers, missing
    /// values"): observers A–D, units 1–12, "." = missing. The paper reports α = 0.743 (nominal), 0.815 (ordinal),
    /// 0.849 (interval) for it (sections C, E, F). Unit 12 has a single value and is not pairable.
    /// </summary>
    private static readonly int?[,] PaperData = Transpose(new int?[,]
    {
        //  1  2  3  4  5  6  7  8  9   10    11    12
        { 1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null }, // observer A
        { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5,    null, 3 },    // observer B
        { null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1,    null }, // observer C
        { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5,    1,    null }, // observer D
    });

    [Theory]
    [InlineData(AlphaLevel.Nominal, 0.743)]
    [InlineData(AlphaLevel.Ordinal, 0.815)]
    [InlineData(AlphaLevel.Interval, 0.849)]
    public void Compute_KrippendorffPaperExample_MatchesPublishedValue(AlphaLevel level, double published)
    {
        var alpha = KrippendorffAlpha.Compute(PaperData, level);

        Assert.NotNull(alpha);
        Assert.Equal(published, alpha.Value, 0.0005);
    }

    [Fact]
    public void Compute_PaperExample_IgnoresUnitWithSingleValue()
    {
        var withoutUnit12 = new List<IReadOnlyList<int?>>();
        for (var u = 0; u < 11; u++)
        {
            withoutUnit12.Add(Enumerable.Range(0, 4).Select(r => PaperData[u, r]).ToArray());
        }

        Assert.Equal(KrippendorffAlpha.Compute(PaperData, AlphaLevel.Ordinal), KrippendorffAlpha.Compute(withoutUnit12, AlphaLevel.Ordinal));
    }

    [Theory]
    [InlineData(AlphaLevel.Nominal)]
    [InlineData(AlphaLevel.Ordinal)]
    [InlineData(AlphaLevel.Interval)]
    public void Compute_FewerThanTwoPairableValues_ReturnsNull(AlphaLevel level)
    {
        int?[][] data = [[3, null, null], [null, 4, null], [null, null, null]];

        Assert.Null(KrippendorffAlpha.Compute(data, level));
        Assert.Null(KrippendorffAlpha.Compute([], level));
    }

    [Theory]
    [InlineData(AlphaLevel.Nominal)]
    [InlineData(AlphaLevel.Ordinal)]
    [InlineData(AlphaLevel.Interval)]
    public void Compute_PerfectAgreement_ReturnsOne(AlphaLevel level)
    {
        int?[][] varied = [[1, 1, null], [4, 4, 4], [5, null, 5], [2, 2, 2]];
        int?[][] constant = [[4, 4], [4, 4, 4]];

        Assert.Equal(1.0, KrippendorffAlpha.Compute(varied, level));
        Assert.Equal(1.0, KrippendorffAlpha.Compute(constant, level));
    }

    [Fact]
    public void Compute_SystematicDisagreement_IsBelowZero()
    {
        // Each unit gets opposite ends of the scale: observed disagreement exceeds what chance would give.
        int?[][] data = [[1, 5], [5, 1], [1, 5], [5, 1]];

        Assert.True(KrippendorffAlpha.Compute(data, AlphaLevel.Interval) < 0);
    }

    [Fact]
    public void Compute_OrdinalAndInterval_PenalizeDistantDisagreementMoreThanNominal()
    {
        // Same pattern of disagreements, but one unit disagrees by 4 steps instead of 1: nominal cannot tell.
        int?[][] near = [[1, 1], [2, 2], [3, 3], [4, 5], [5, 5], [2, 2]];
        int?[][] far = [[1, 1], [2, 2], [3, 3], [1, 5], [5, 5], [2, 2]];

        Assert.True(KrippendorffAlpha.Compute(far, AlphaLevel.Interval) < KrippendorffAlpha.Compute(near, AlphaLevel.Interval));
        Assert.True(KrippendorffAlpha.Compute(far, AlphaLevel.Ordinal) < KrippendorffAlpha.Compute(near, AlphaLevel.Ordinal));
    }

    private static int?[,] Transpose(int?[,] observersByUnits)
    {
        var result = new int?[observersByUnits.GetLength(1), observersByUnits.GetLength(0)];
        for (var o = 0; o < observersByUnits.GetLength(0); o++)
        {
            for (var u = 0; u < observersByUnits.GetLength(1); u++)
            {
                result[u, o] = observersByUnits[o, u];
            }
        }
        return result;
    }
}
