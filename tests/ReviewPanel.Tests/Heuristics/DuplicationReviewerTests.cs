using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

public sealed class DuplicationReviewerTests
{
    private const string FocusFirstSentence =
        "Focuses on the reliability, availability, and operational performance of production systems through Site Reliability Engineering and DevOps practices.";

    private static readonly DuplicationReviewer Sut = new();

    [Fact]
    public async Task Review_SeedWithFocusParagraphThreeTimes_ScoresAtMostTwoQuotingTheRepeat()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed());

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Summary && e.Quote == FocusFirstSentence);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Focus && e.Quote == FocusFirstSentence);
    }

    [Fact]
    public async Task Review_SeedWithSummaryRepetitionRemoved_ScoresAtLeastFour()
    {
        var profile = TestProfiles.SeedWith(page =>
        {
            var lines = page.Split('\n').ToList();
            lines.RemoveAt(3); // the summary's second copy of the focus paragraph
            return string.Join('\n', lines);
        });

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.True(score.Score >= 4, score.Rationale);
    }

    [Fact]
    public async Task Review_SeedWithoutSummary_ScoresFive()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed().Without(LayerKeys.Summary));

        Assert.Equal(5, score.Score);
        Assert.Empty(score.Evidence);
    }

    [Fact]
    public async Task Review_BulletRepeatedInsideResponsibilities_ScoresThreeQuotingIt()
    {
        const string Bullet = "- Leads smaller reliability projects and mentors junior engineers via pairing, code reviews, and incident leadership.";
        var profile = TestProfiles.Seed().Without(LayerKeys.Summary);
        var responsibilities = profile.Layer(LayerKeys.Responsibilities)!;
        profile = profile.With(TestProfiles.Layer(responsibilities.Key, responsibilities.Title, responsibilities.Text + "\n" + Bullet));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(3, score.Score);
        var evidence = Assert.Single(score.Evidence);
        Assert.Equal(LayerKeys.Responsibilities, evidence.LayerKey);
        Assert.StartsWith("Leads smaller reliability projects", evidence.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cloud Platforms")]                     // a skill name repeated as a heading elsewhere
    [InlineData("Organization-wide")]                   // a short field value
    public async Task Review_ShortLinesRepeated_AreNotDuplicates(string line)
    {
        var profile = TestProfiles.Seed().Without(LayerKeys.Summary)
            .With(TestProfiles.Layer("unknown:notes", "Notes", $"## Notes\n{line}\n{line}"));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(5, score.Score);
    }

    [Fact]
    public async Task Review_RepeatDifferingOnlyInCaseAndSpacing_IsADuplicate()
    {
        var profile = TestProfiles.Seed().Without(LayerKeys.Summary)
            .With(TestProfiles.Layer("unknown:notes", "Notes",
                "## Notes\nDEFINES  and improves SLOs and tracks error budgets for owned services using SLI/SLO frameworks"));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(4, score.Score);
        Assert.Contains(score.Evidence, e => e.LayerKey == "unknown:notes");
    }
}
