using ReviewPanel.Scoring;

namespace ReviewPanel.Tests.Scoring;

public sealed class ScoreAggregatorTests
{
    [Theory]
    [InlineData(AggregationMethod.Median, new[] { 2, 5, 4 }, 4.0)]
    [InlineData(AggregationMethod.Median, new[] { 2, 5, 4, 3 }, 3.5)]
    [InlineData(AggregationMethod.Mean, new[] { 2, 5, 4, 3 }, 3.5)]
    [InlineData(AggregationMethod.Mean, new[] { 1, 5 }, 3.0)]
    [InlineData(AggregationMethod.Min, new[] { 4, 2, 5 }, 2.0)]
    [InlineData(AggregationMethod.TrimmedMean, new[] { 1, 4, 4, 5 }, 4.0)]
    [InlineData(AggregationMethod.TrimmedMean, new[] { 1, 5 }, 3.0)]
    [InlineData(AggregationMethod.Median, new[] { 3 }, 3.0)]
    public void Aggregate_ScoresAndMethod_GivesExpectedValue(AggregationMethod method, int[] scores, double expected)
    {
        Assert.Equal(expected, ScoreAggregator.Aggregate(scores, method));
    }

    [Theory]
    [InlineData(AggregationMethod.Median)]
    [InlineData(AggregationMethod.Mean)]
    [InlineData(AggregationMethod.Min)]
    [InlineData(AggregationMethod.TrimmedMean)]
    public void Aggregate_NoScores_IsNotJudged(AggregationMethod method)
    {
        Assert.Null(ScoreAggregator.Aggregate([], method));
    }
}
