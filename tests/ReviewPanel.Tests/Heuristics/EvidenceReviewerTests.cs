using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

public sealed class EvidenceReviewerTests
{
    private static readonly EvidenceReviewer Sut = new();

    private static RoleProfile SeedCoded(string code) =>
        TestProfiles.FromPage(SeedPage.Text.Replace("code=15-1244source", $"code={code}source", StringComparison.Ordinal));

    [Fact]
    public async Task Review_Seed_ScoresFourNotingEmptyAdjacentRolesAndAliases()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed());

        Assert.Equal(4, score.Score);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.TitleAliases);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.AdjacentRoles);
    }

    [Fact]
    public async Task Review_SeedWithAdjacentRolesAndAliases_ScoresFive()
    {
        var profile = TestProfiles.SeedWith(p => p
            .Replace("How coordinates work → · Compare side-by-side →", "How coordinates work → · Compare side-by-side →\n- Platform Engineering — P6", StringComparison.Ordinal)
            .Replace("No title aliases recorded for this profile yet.", "- Principal SRE", StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(5, score.Score);
    }

    [Theory]
    [InlineData(LayerKeys.Provenance, "no provenance")]
    [InlineData(LayerKeys.Classification, "no classification")]
    public async Task Review_MissingLayer_ScoresAtMostTwo(string key, string note)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed().Without(key));

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Title && e.Note!.Contains(note, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Review_ProvenanceWithOnlyItsHeading_ScoresAtMostTwo()
    {
        var profile = TestProfiles.Seed().With(TestProfiles.Layer(LayerKeys.Provenance, "Provenance", "Provenance"));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.Note == "The provenance layer is empty.");
    }

    [Fact]
    public async Task Review_ClassificationWithoutCode_ScoresAtMostTwo()
    {
        var profile = TestProfiles.SeedWith(p => p.Replace("- code=15-1244source=jfm-factory.resolve", "- source=jfm-factory.resolve", StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Classification);
    }

    [Theory]
    [InlineData("151244")]
    [InlineData("15-12X4")]
    [InlineData("15-1244.0")]
    [InlineData("SOC 15-1244")]
    public async Task Review_MalformedCode_ScoresTwoQuotingIt(string code)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedCoded(code));

        Assert.Equal(2, score.Score);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Classification && e.Quote == code && e.Note!.Contains("malformed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("15-9999")]
    [InlineData("15-1244.07")]
    public async Task Review_WellFormedButUnknownCode_ScoresTwo(string code)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedCoded(code));

        Assert.Equal(2, score.Score);
        Assert.Contains(score.Evidence, e => e.Quote == code && e.Note!.Contains("not in the O*NET-SOC list", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("29-1141")]    // Registered Nurses
    [InlineData("35-2014.00")] // Cooks, Restaurant
    [InlineData("47-2111")]    // Electricians
    public async Task Review_CodeImplausibleForTheFocus_ScoresThree(string code)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedCoded(code));

        Assert.Equal(3, score.Score);
        Assert.Contains(score.Evidence, e => e.Quote == code && e.Note!.Contains("implausible", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("15-1244")]
    [InlineData("15-1244.00")]
    [InlineData("15-1252")]    // Software Developers: same major group
    public async Task Review_CodePlausibleForTheFocus_IsNotADefect(string code)
    {
        var score = await ReviewAssert.ScoreAsync(Sut, SeedCoded(code));

        Assert.Equal(4, score.Score);
        Assert.DoesNotContain(score.Evidence, e => e.LayerKey == LayerKeys.Classification);
    }
}
