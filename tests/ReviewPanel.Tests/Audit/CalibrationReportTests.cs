using ReviewPanel.Audit;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Tests.Audit;

public sealed class CalibrationReportTests
{
    private static CalibrationCase Case(int gold, double? panel, bool goldPass, VerdictOutcome outcome) => new(
        "p.txt", "P.X.P4",
        new GoldLabel(new Dictionary<string, int> { [Dimensions.Consistency] = gold }, goldPass),
        outcome,
        new Dictionary<string, double?> { [Dimensions.Consistency] = panel, [Dimensions.Accuracy] = null });

    [Fact]
    public void Compute_PerfectOrdinalAgreement_KappaAndRhoAreOne()
    {
        var report = CalibrationReport.Compute([Case(2, 2, false, VerdictOutcome.Fail), Case(4, 4, true, VerdictOutcome.Pass), Case(5, 5, true, VerdictOutcome.Pass)]);

        var consistency = report.Dimensions.Single(d => d.Dimension == Dimensions.Consistency);
        Assert.Equal(3, consistency.N);
        Assert.Equal(1.0, consistency.Kappa!.Value, 9);
        Assert.Equal(1.0, consistency.Rho!.Value, 9);
        Assert.Equal(0, report.Dimensions.Single(d => d.Dimension == Dimensions.Accuracy).N);
    }

    [Fact]
    public void Compute_HandWorkedExample_MatchesQuadraticKappa()
    {
        // Panel (rounded) 1, 2, 3 against gold 1, 3, 3 on a 1..5 scale (k = 5, weights (i-j)²/16).
        // Observed weighted disagreement: one pair (2,3) → 1/16. Marginals panel r1=r2=r3=1, gold c1=1, c3=2:
        // expected = Σ w(i,j)·r_i·c_j/n = (1·2·4 + 1·1·1 + 1·2·1 + 1·1·4)/16/3 = 15/48.
        // kappa = 1 − (1/16)/(15/48) = 1 − 3/15 = 0.8. The aggregate 2.4 rounds to 2.
        var report = CalibrationReport.Compute([Case(1, 1.0, false, VerdictOutcome.Fail), Case(3, 2.4, false, VerdictOutcome.Fail), Case(3, 3.0, false, VerdictOutcome.Fail)]);

        Assert.Equal(0.8, report.Dimensions.Single(d => d.Dimension == Dimensions.Consistency).Kappa!.Value, 9);
    }

    [Theory]
    [InlineData(3.5, 4)]
    [InlineData(3.49, 3)]
    [InlineData(4.5, 5)]
    [InlineData(1.0, 1)]
    public void Round_HalfAwayFromZero(double aggregate, int expected) => Assert.Equal(expected, CalibrationReport.Round(aggregate));

    [Fact]
    public void Compute_Gate_CountsPassAsPositiveAndErrorAsNotPassed()
    {
        var report = CalibrationReport.Compute(
        [
            Case(5, 5, true, VerdictOutcome.Pass),   // TP
            Case(5, 5, false, VerdictOutcome.Pass),  // FP: the gate passed what a person rejects
            Case(5, 5, true, VerdictOutcome.Fail),   // FN
            Case(5, null, true, VerdictOutcome.Error), // FN: not judged is not a pass
            Case(2, 2, false, VerdictOutcome.Fail),  // TN
        ]);

        Assert.Equal(new ConfusionMatrix(1, 1, 2, 1), report.Gate);
        Assert.Equal(4, report.Dimensions.Single(d => d.Dimension == Dimensions.Consistency).N);
    }
}
