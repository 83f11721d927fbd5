using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Heuristics;

/// <summary>Absence is never perfection: a reviewer with nothing to check reports a finding or abstains, never a 5.</summary>
public sealed class AbsenceTests
{
    [Fact]
    public async Task LevelLadder_NoLevelTable_ReportsAFindingInsteadOfFive()
    {
        var score = await ReviewAssert.ScoreAsync(new LevelLadderReviewer(), TestProfiles.Seed().Without(LayerKeys.LevelGuidelines));

        Assert.True(score.Score <= 2);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Level && e.Note!.Contains("No level table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LevelLadder_NoLevelBlock_ReportsAFindingInsteadOfFive()
    {
        var score = await ReviewAssert.ScoreAsync(new LevelLadderReviewer(), TestProfiles.Seed().Without(LayerKeys.Level));

        Assert.True(score.Score <= 3);
    }

    [Fact]
    public async Task LevelLadder_NeitherTableNorBlock_Abstains()
    {
        var profile = TestProfiles.Seed().Without(LayerKeys.Level).Without(LayerKeys.LevelGuidelines);

        Assert.Null((await ReviewAssert.ScoreAsync(new LevelLadderReviewer(), profile)).Score);
    }

    [Fact]
    public async Task Specificity_NoResponsibilities_Abstains()
    {
        var profile = TestProfiles.Seed().Without(LayerKeys.Responsibilities);

        Assert.Null((await ReviewAssert.ScoreAsync(new SpecificityReviewer(), profile)).Score);
    }

    public static TheoryData<string> TextReviewers() => ["heuristic.fairness", "heuristic.duplication", "heuristic.placeholder", "heuristic.evidence", "heuristic.completeness"];

    [Theory]
    [MemberData(nameof(TextReviewers))]
    public async Task Reviewer_ProfileWithoutText_NeverScoresFive(string id)
    {
        var reviewer = HeuristicPanel.CreateDefault().Single(r => r.Descriptor.Id == id);
        var profile = TestProfiles.FromLayers([TestProfiles.Layer(LayerKeys.Focus, "Focus", " ")]);

        var review = await ReviewAssert.RunAsync(reviewer, profile);

        Assert.All(review.Scores, s => Assert.True(s.Score is null or < 4, $"{id} {s.Dimension} {s.Score}"));
    }

    /// <summary>Those that only look for bad wording did check the title; every reviewer of structure must not pass it.</summary>
    [Fact]
    public async Task EveryHeuristic_OnAProfileWithOnlyATitle_NeverScoresFive()
    {
        var profile = TestProfiles.FromLayers([TestProfiles.Layer(LayerKeys.Title, "Title", "Data Platform Engineering — P4")]);

        foreach (var reviewer in HeuristicPanel.CreateDefault().Where(r => r is not (FairnessReviewer or HiddenCharacterReviewer or InjectionReviewer or PlaceholderReviewer)))
        {
            var review = await ReviewAssert.RunAsync(reviewer, profile);
            Assert.All(review.Scores, s => Assert.True(s.Score is null or < 4, $"{reviewer.Descriptor.Id} {s.Dimension} {s.Score}"));
        }
    }
}
