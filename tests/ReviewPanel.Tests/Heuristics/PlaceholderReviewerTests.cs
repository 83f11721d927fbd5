using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

public sealed class PlaceholderReviewerTests
{
    private const string Bullet = "- Defines and improves SLOs and tracks error budgets for owned services using SLI/SLO frameworks.";

    private static readonly PlaceholderReviewer Sut = new();

    private static RoleProfile SeedWithBullet(string replacement) => TestProfiles.SeedWith(p => p.Replace(Bullet, replacement, StringComparison.Ordinal));

    [Fact]
    public async Task Review_Seed_ScoresFive()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed());

        Assert.Equal(5, score.Score);
    }

    [Theory]
    [InlineData("- TBD")]
    [InlineData("- TODO: describe the on-call expectations.")]
    [InlineData("- Lorem ipsum dolor sit amet, consectetur adipiscing elit.")]
    [InlineData("- Owns [insert tool name here] for deployments.")]
    [InlineData("- Uses xxx to monitor services.")]
    [InlineData("- Maintains <placeholder> dashboards.")]
    [InlineData("- Builds {{tool}} pipelines.")]
    [InlineData("- N/A")]
    public async Task Review_PlaceholderText_ScoresAtMostTwoQuotingIt(string bullet)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedWithBullet(bullet));

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Responsibilities && bullet.Contains(e.Quote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- Defines and improves SLOs and tracks error budgets for owned services and the")]
    [InlineData("- Defines and improves SLOs and tracks error budgets for owned services using")]
    [InlineData("- Defines and improves SLOs and tracks error budgets for owned services,")]
    [InlineData("- Defines and improves SLOs and tracks error budgets for owned services with")]
    [InlineData("- Defines and improves SLOs and tracks error budgets for owned -")]
    public async Task Review_BulletCutMidSentence_ScoresThreeQuotingItsEnd(string bullet)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedWithBullet(bullet));

        Assert.Equal(3, score.Score);
        var evidence = Assert.Single(score.Evidence);
        Assert.EndsWith(evidence.Quote, bullet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Defines and improves SLOs for owned services")]   // no period, but a complete phrase
    [InlineData("Infrastructure as Code")]                        // a skill name
    [InlineData("Level guidelines")]                              // a heading
    [InlineData("Works with and")]                                // too short to call a cut sentence
    public void IsCutOff_CompleteOrShortText_IsFalse(string text) => Assert.False(PlaceholderReviewer.IsCutOff(text));

    [Theory]
    [InlineData("| P4 | Applies in-depth expertise. | Performs analysis. | Coordinates across groups. |", "Row has 4 of 5 cells.")]
    [InlineData("| P4 | Applies in-depth expertise. |  | Coordinates across groups. | 8+ years. |", "Row has an empty cell.")]
    [InlineData("| P4 | Applies in-depth expertise. | — | Coordinates across groups. | 8+ years. |", "Row has an empty cell.")]
    public async Task Review_TableRowShortOrWithEmptyCell_ScoresThree(string row, string note)
    {
        var profile = TestProfiles.SeedWith(page => string.Join('\n', page.Split('\n').Select(l => l.StartsWith("| P4 |", StringComparison.Ordinal) ? row : l)));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(3, score.Score);
        var evidence = Assert.Single(score.Evidence);
        Assert.Equal(LayerKeys.LevelGuidelines, evidence.LayerKey);
        Assert.Equal(note, evidence.Note);
    }

    [Fact]
    public async Task Review_ManyDefects_ScoresLowerThanOne()
    {
        var profile = TestProfiles.SeedWith(p => p
            .Replace(Bullet, "- TBD", StringComparison.Ordinal)
            .Replace("- Expertise in administering Linux/Unix operating systems underpinning production services.", "- TODO", StringComparison.Ordinal)
            .Replace("- Experience with Kubernetes and Docker to run scalable, resilient services.", "- Experience with Kubernetes and Docker to run scalable and", StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(1, score.Score);
        Assert.Equal(3, score.Evidence.Count);
    }
}
