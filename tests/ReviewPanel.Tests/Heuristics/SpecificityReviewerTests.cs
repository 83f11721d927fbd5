using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

public sealed class SpecificityReviewerTests
{
    private static readonly SpecificityReviewer Sut = new();

    private static readonly string[] GenericBullets =
    [
        "- Performs other duties as assigned.",
        "- Works well with others and is a team player.",
        "- Communicates effectively with stakeholders.",
        "- Shows attention to detail in a fast-paced environment.",
        "- Handles various tasks as needed.",
        "- Contributes to meetings and shares updates with colleagues.",
        "- Follows company policies and keeps a positive attitude.",
        "- Helps colleagues and supports the wider group.",
        "- Attends training and grows professionally.",
        "- Completes assignments on time.",
    ];

    /// <summary>The seed with its first <paramref name="count"/> responsibilities replaced by generic bullets.</summary>
    private static RoleProfile SeedWithGeneric(int count) => TestProfiles.SeedWith(page =>
    {
        var lines = page.Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("- Performs basic troubleshooting", StringComparison.Ordinal));
        for (var i = 0; i < count; i++) lines[first + i] = GenericBullets[i];
        return string.Join('\n', lines);
    });

    [Fact]
    public async Task Review_Seed_ScoresAtLeastFour()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed());

        Assert.True(score.Score >= 4, string.Join(" | ", score.Evidence.Select(e => e.Quote)));
    }

    [Theory]
    [InlineData(1, 4)]   // 1 of 30
    [InlineData(5, 3)]   // 17%
    [InlineData(10, 2)]  // 33%
    public async Task Review_GenericResponsibilities_ScoreByTheirFraction(int generic, int expected)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedWithGeneric(generic));

        Assert.All(GenericBullets.Take(generic), b => Assert.Contains(score.Evidence, e => b.EndsWith(e.Quote, StringComparison.Ordinal)));
        Assert.All(score.Evidence, e => Assert.Equal(LayerKeys.Responsibilities, e.LayerKey));
        Assert.Equal(expected, score.Score);
    }

    [Fact]
    public async Task Review_BulletWithoutFillerButOffTopic_IsGeneric()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedWithGeneric(6));

        Assert.Contains(score.Evidence, e => e.Quote == "Contributes to meetings and shares updates with colleagues."
            && e.Note!.Contains("no term", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- Contributes to meetings about Terraform state.")]   // CamelCase or proper tool name
    [InlineData("- Contributes to meetings and shares P99 updates.")]  // a token with digits
    [InlineData("- Contributes to meetings and shares SLA updates.")]  // an acronym
    [InlineData("- Contributes to meetings on postmortem findings.")]  // a word from the profile's own vocabulary
    public async Task Review_BulletNamingSomethingConcrete_IsNotGeneric(string bullet)
    {
        var profile = TestProfiles.SeedWith(p => p.Replace(
            "- Performs basic troubleshooting and documents existing systems, monitoring solutions, and runbooks under guidance.", bullet, StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.DoesNotContain(score.Evidence, e => bullet.Contains(e.Quote, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_NoResponsibilities_Abstains()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed().Without(LayerKeys.Responsibilities));

        Assert.True(score.IsAbstention);
    }
}
