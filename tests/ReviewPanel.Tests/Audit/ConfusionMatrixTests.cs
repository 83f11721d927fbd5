using ReviewPanel.Audit;

namespace ReviewPanel.Tests.Audit;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void From_MixedDecisions_CountsEachCellAndDerivesRates()
    {
        var decisions = new List<(bool, bool)>();
        decisions.AddRange(Enumerable.Repeat((true, true), 6));   // passed, deserved it
        decisions.AddRange(Enumerable.Repeat((true, false), 2));  // passed, should have failed
        decisions.AddRange(Enumerable.Repeat((false, true), 3));  // failed, should have passed
        decisions.AddRange(Enumerable.Repeat((false, false), 9)); // failed rightly

        var m = ConfusionMatrix.From(decisions);

        Assert.Equal((6, 2, 3, 9), (m.TruePositives, m.FalsePositives, m.FalseNegatives, m.TrueNegatives));
        Assert.Equal(20, m.Total);
        Assert.Equal(15.0 / 20, m.Accuracy);
        Assert.Equal(6.0 / 8, m.Precision);
        Assert.Equal(6.0 / 9, m.Recall);
        Assert.Equal(2 * (6.0 / 8) * (6.0 / 9) / ((6.0 / 8) + (6.0 / 9)), m.F1!.Value, 1e-12);
    }

    [Fact]
    public void From_NoPasses_LeavesPrecisionUndefined()
    {
        var m = ConfusionMatrix.From([(false, false), (false, true)]);

        Assert.Null(m.Precision);
        Assert.Equal(0.0, m.Recall);
        Assert.Null(m.F1);
        Assert.Null(ConfusionMatrix.From([]).Accuracy);
    }
}
