using ReviewPanel.Heuristics;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Heuristics;

public sealed class HeuristicPanelTests
{
    [Fact]
    public void CreateDefault_ReturnsEveryHeuristicOnceWithDistinctIds()
    {
        var reviewers = HeuristicPanel.CreateDefault();

        Assert.Equal(9, reviewers.Count);
        Assert.Equal(reviewers.Count, reviewers.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.All(reviewers, r => Assert.Equal("heuristic", r.Descriptor.Kind));
    }

    [Fact]
    public void JudgedDimensions_IsTheUnionOfTheReviewersDimensions()
    {
        var union = HeuristicPanel.CreateDefault().SelectMany(r => r.Descriptor.Dimensions).ToHashSet();

        Assert.Equal(union.Order(StringComparer.Ordinal), HeuristicPanel.JudgedDimensions.Order(StringComparer.Ordinal));
        Assert.Equal([Dimensions.LevelCalibration, Dimensions.Specificity, Dimensions.Consistency, Dimensions.Evidence, Dimensions.Fairness],
            HeuristicPanel.JudgedDimensions);
    }

    [Fact]
    public async Task Reviewers_OnTheSeed_PassEverythingButDuplication()
    {
        var profile = TestProfiles.Seed();

        foreach (var reviewer in HeuristicPanel.CreateDefault())
        {
            var review = await ReviewAssert.RunAsync(reviewer, profile);
            Assert.Empty(review.Injections);
            foreach (var score in review.Scores)
            {
                if (reviewer is DuplicationReviewer) Assert.True(score.Score <= 2);
                else Assert.True(score.Score >= 4, $"{reviewer.Descriptor.Id} {score.Dimension} {score.Score}: {score.Rationale}");
            }
        }
    }
}
