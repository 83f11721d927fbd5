using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

public sealed class LevelLadderReviewerTests
{
    private static readonly LevelLadderReviewer Sut = new();

    private static RoleProfile SeedWithRows(Func<List<string>, IEnumerable<string>> edit) => TestProfiles.SeedWith(page =>
    {
        var lines = page.Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("| P2 |", StringComparison.Ordinal));
        var rows = lines.Skip(first).TakeWhile(l => l.StartsWith('|')).ToList();
        lines.RemoveRange(first, rows.Count);
        lines.InsertRange(first, edit(rows));
        return string.Join('\n', lines);
    });

    [Fact]
    public async Task Review_Seed_ScoresFive()
    {
        var score = await ReviewAssert.ScoreAsync(Sut, TestProfiles.Seed());

        Assert.Equal(5, score.Score);
        Assert.Empty(score.Evidence);
    }

    [Fact]
    public async Task Review_MissingLevelRow_ScoresThreeNamingTheGap()
    {
        var profile = SeedWithRows(rows => rows.Where(r => !r.StartsWith("| P4 |", StringComparison.Ordinal)));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(3, score.Score);
        var evidence = Assert.Single(score.Evidence);
        Assert.StartsWith("| P5 |", evidence.Quote, StringComparison.Ordinal);
        Assert.Contains("P4", evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_RowsOutOfOrder_ScoresAtMostTwo()
    {
        // P3 and P4 swapped: both the order and the years go backwards.
        var profile = SeedWithRows(rows => [rows[0], rows[2], rows[1], .. rows.Skip(3)]);

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.Note!.Contains("out of order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_DuplicatedLevelRow_ScoresAtMostTwo()
    {
        var profile = SeedWithRows(rows => [.. rows.Take(3), rows[2], .. rows.Skip(3)]);

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.InRange(score.Score!.Value, 1, 2);
        Assert.Contains(score.Evidence, e => e.Note!.Contains("more than once", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12+ years with extensive reliability engineering expertise.", "6+ years with extensive reliability engineering expertise.", "6+ years")]
    [InlineData("15+ years as a principal reliability expert", "12 yrs as a principal reliability expert", "12 yrs")]
    [InlineData("20+ years, or equivalent recognition", "10–14 years, or equivalent recognition", "10–14 years")]
    public async Task Review_YearsNotRisingWithLevel_ScoresThreeQuotingTheYears(string original, string replacement, string quote)
    {
        var profile = TestProfiles.SeedWith(p => p.Replace(original, replacement, StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.True(score.Score <= 3, score.Rationale);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.LevelGuidelines && e.Quote == quote);
    }

    [Fact]
    public async Task Review_TitleLevelDisagreesWithLevelBlock_ScoresTwoQuotingBoth()
    {
        var profile = TestProfiles.SeedWith(p => p.Replace("Level — P6 — Principal Professional", "Level — P5 — Senior Professional", StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(2, score.Score);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Title);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Level && e.Quote.Contains("P5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_CodeLevelDisagreesWithTitle_ScoresTwo()
    {
        var profile = TestProfiles.SeedWith(p => p.Replace("INFRAS.DEVOPSSIA2C1.P6", "INFRAS.DEVOPSSIA2C1.P4", StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(2, score.Score);
        Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Code);
    }

    [Theory]
    [InlineData("2–4 yrs", 3)]
    [InlineData("25+ yrs", 3)]
    [InlineData("15–20 yrs", 5)]
    [InlineData("10+ yrs", 5)]
    public async Task Review_LevelBlockExperienceVersusTableRow_FlagsOnlyWhenTheyDoNotOverlap(string experience, int expected)
    {
        var profile = TestProfiles.SeedWith(p => p.Replace("- 12–18 yrs", "- " + experience, StringComparison.Ordinal));

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.Equal(expected, score.Score);
        if (expected < 5) Assert.Contains(score.Evidence, e => e.LayerKey == LayerKeys.Level && e.Quote == experience);
    }

    [Fact]
    public async Task Review_NoTableAndNoLevelBlock_Abstains()
    {
        var profile = TestProfiles.Seed().Without(LayerKeys.LevelGuidelines).Without(LayerKeys.Level);

        var score = await ReviewAssert.ScoreAsync(Sut, profile);

        Assert.True(score.IsAbstention);
    }

    [Theory]
    [InlineData("2+ years with a BA/BS, or MS/PhD with no prior experience.", 2, null, "2+ years")]
    [InlineData("5+ years (BA), 3 years (MA), or PhD without experience.", 5, null, "5+ years")]
    [InlineData("12–18 yrs", 12, 18, "12–18 yrs")]
    [InlineData("15+", 15, null, "15+")]
    [InlineData("3 years", 3, 3, "3 years")]
    [InlineData("8 to 10 years", 8, 10, "8 to 10 years")]
    public void YearsRangeParse_StatedYears_ReadsMinMaxAndSource(string text, int min, int? max, string source)
    {
        var years = YearsRange.Parse(text);

        Assert.Equal(new YearsRange(min, max, source), years);
    }

    [Theory]
    [InlineData("Level P6 of 7")]
    [InlineData("often PhD plus industry leadership")]
    public void YearsRangeParse_NoYearsStatement_IsNull(string text) => Assert.Null(YearsRange.Parse(text));
}
