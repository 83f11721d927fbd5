using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

public sealed class FairnessReviewerTests
{
    private const string Bullet = "- Leads major incident responses end-to-end, driving root-cause analysis and postmortems with cross-team coordination.";

    private static readonly FairnessReviewer Sut = new();

    private static RoleProfile SeedWithBullet(string bullet) => TestProfiles.SeedWith(p => p.Replace(Bullet, bullet, StringComparison.Ordinal));

    [Fact]
    public async Task Review_Seed_ScoresFiveDespiteDegreesAndYears()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed());

        Assert.Equal(5, score.Score);
        Assert.Empty(score.Evidence);
    }

    [Theory]
    [InlineData("- Candidates under 30 preferred for the on-call rotation.", 2)]
    [InlineData("- Must be a recent graduate with cloud experience.", 2)]
    [InlineData("- Native English speaker required for incident communication.", 2)]
    [InlineData("- Must have a degree from a top university; others need not apply.", 1)]
    [InlineData("- Only candidates from Ivy League schools will be considered.", 2)]
    [InlineData("- Joins a young, energetic on-call team.", 3)]
    [InlineData("- Digital native comfortable with cloud tooling.", 3)]
    [InlineData("- Works with the salesman on customer escalations.", 3)]
    [InlineData("- Plans manpower for the incident rotation.", 3)]
    [InlineData("- Coordinates the guys on call.", 3)]
    [InlineData("- He/she leads incident response.", 3)]
    [InlineData("- The engineer owns his or her service's reliability.", 3)]
    [InlineData("- A reliability rockstar who lives for outages.", 4)]
    [InlineData("- An SRE ninja and Kubernetes guru.", 3)]
    [InlineData("- We work hard, play hard through every incident.", 4)]
    [InlineData("- He leads incident response and his team follows him.", 3)]
    [InlineData("- She leads incident response.", 4)]
    public async Task Review_ExclusionaryWording_ScoresBySeverity(string bullet, int expected)
    {
        var profile = SeedWithBullet(bullet);

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(expected, score.Score);
        Assert.All(score.Evidence, e => Assert.Equal(LayerKeys.Responsibilities, e.LayerKey));
        Assert.NotEmpty(score.Evidence);
    }

    [Theory]
    [InlineData("- Here, the theme of other hereditary checks is shown; the shepherd hears the herald.")]
    [InlineData("- Requires a BA/BS or equivalent experience; PhD welcome.")]
    [InlineData("- Keeps services under 30 ms of p99 latency.")]
    [InlineData("- They lead incident response and their team follows them.")]
    public async Task Review_InnocentWording_ScoresFive(string bullet)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedWithBullet(bullet));

        Assert.Equal(5, score.Score);
    }
}
