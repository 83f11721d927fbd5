using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Heuristics;

public sealed partial class CompletenessReviewerTests
{
    private static readonly CompletenessReviewer Sut = new();

    private static string Page() => File.ReadAllText(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"));

    private static RoleProfile Edited(Func<string, string> edit)
    {
        var page = Page();
        var edited = edit(page);
        Assert.NotEqual(page, edited);
        return InjectionClassTests.Import("p.txt", edited);
    }

    private static async Task<(DimensionScore Consistency, DimensionScore Ladder)> ScoresAsync(RoleProfile profile)
    {
        var review = await ReviewAssert.RunAsync(Sut, profile);
        return (review.Scores.Single(s => s.Dimension == Dimensions.Consistency), review.Scores.Single(s => s.Dimension == Dimensions.LevelCalibration));
    }

    /// <summary>The page without the section that starts with <paramref name="heading"/> (up to the next known heading).</summary>
    private static string WithoutSection(string page, string heading)
    {
        var lines = page.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, heading);
        var end = lines.FindIndex(start + 1, l => KnownHeading().IsMatch(l));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        return string.Join('\n', lines);
    }

    [Theory]
    [InlineData("fixtures/profiles/data-platform-p4.txt")]
    [InlineData("fixtures/profiles/data-platform-p4.json")]
    [InlineData("fixtures/profiles/devops-sre-p6-deduplicated.txt")]
    [InlineData("fixtures/profiles/devops-sre-p6.txt")]
    [InlineData("fixtures/formats/devops-sre-p6.json")]
    [InlineData("fixtures/calibration/cal03-devops-sre-clean-p6.txt")]
    [InlineData("fixtures/calibration/cal15-data-platform-reworded-p4.txt")]
    public async Task Review_CompleteProfile_ScoresFive(string file)
    {
        var profile = new ProfileImporter().Import(Path.Combine(RepoFiles.Root, file)).Profile!;

        var (consistency, ladder) = await ScoresAsync(profile);

        Assert.True(consistency.Score == 5, string.Join(" | ", consistency.Evidence.Select(e => e.Note)));
        Assert.Equal(5, ladder.Score);
    }

    [Theory]
    [InlineData("Focus — ", "focus")]
    [InlineData("Responsibilities by level", "responsibilities")]
    [InlineData("Skills", "skills")]
    [InlineData("Level — P4", "level")]
    [InlineData("Adjacent roles", "adjacent-roles")]
    [InlineData("Title aliases", "title-aliases")]
    public async Task Review_MissingSection_FailsConsistencyQuotingTheTitle(string heading, string key)
    {
        var profile = Edited(p => WithoutSection(p, heading));
        Assert.Null(profile.Layer(key));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score <= 2);
        Assert.Contains(consistency.Evidence, e => e.LayerKey == LayerKeys.Title && e.Note!.Contains($"({key}) is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_LevelTableRemoved_FailsBothDimensionsAndThePanel()
    {
        var profile = Edited(p => WithoutSection(p, "Level guidelines"));

        var (consistency, ladder) = await ScoresAsync(profile);
        var panel = TestHost.OfflinePanel();
        var verdict = (await panel.ReviewAsync("run", profile, CancellationToken.None)).Verdict;

        Assert.True(consistency.Score <= 2);
        Assert.True(ladder.Score <= 2);
        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Contains(Dimensions.LevelCalibration, verdict.Failing);
        Assert.True(verdict.Dimensions.Single(d => d.Dimension == Dimensions.LevelCalibration).Aggregate <= 2);
    }

    [Fact]
    public async Task Review_TableStopsBeforeTheProfilesOwnLevel_FailsLevelCalibration()
    {
        var profile = Edited(p => Regex.Replace(p, @"\| P[4-6] \|[^\n]*\n", ""));

        var (_, ladder) = await ScoresAsync(profile);

        Assert.True(ladder.Score <= 2);
        Assert.Contains("before the profile's own level P4", Assert.Single(ladder.Evidence).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_TableStopsBeforeTheTopOfTheLadder_FailsLevelCalibration()
    {
        var profile = Edited(p => Regex.Replace(p, @"\| P6 \|[^\n]*\n", ""));

        var (_, ladder) = await ScoresAsync(profile);

        Assert.True(ladder.Score <= 3);
        Assert.Contains("top of the P ladder", Assert.Single(ladder.Evidence).Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- Designs streaming ingestion on Kafka with exactly-once delivery into the warehouse for a product domain.", "- Designs streaming ingestion on Kafka with exactly-once delivery into the wareh")]
    [InlineData("- Reduces platform cost by tuning Spark jobs, warehouse clustering and storage tiering, reporting savings per terabyte.", "- Reduces platform cost by tuning Spark jobs, warehouse clustering and storage tiering, reporting savi")]
    [InlineData("| P5 | Applies expert knowledge of data-platform architecture and governance across the organization. |", "| P5 | Applies expert knowledge of data-platform architecture and governance across the organiz |")]
    [InlineData("Builds the shared data platform: ingestion, storage, transformation and governance of data at scale, measured by freshness, completeness and cost per terabyte processed.", "Builds the shared data platform: ingestion, storage, transformation and governance of data at scale. Measured by freshness, completeness and cost per tera")]
    public async Task Review_TextCutMidWord_FailsConsistency(string line, string cut)
    {
        var profile = Edited(p => p.Replace(line, cut, StringComparison.Ordinal));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score <= 3);
        Assert.Contains(consistency.Evidence, e => e.Note!.Contains("mid-word", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- Reviews teammates' SQL and")]
    [InlineData("- Reviews teammates' SQL and Spark code for")]
    [InlineData("- Reviews teammates' SQL and Spark code for correctness, partitioning and the")]
    public async Task Review_OneBulletCutOnAFunctionWordAmongFinishedSiblings_FailsConsistency(string cut)
    {
        var profile = Edited(p => p.Replace("- Reviews teammates' SQL and Spark code for correctness, partitioning and cost.", cut, StringComparison.Ordinal));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score <= 3);
        Assert.Contains(consistency.Evidence, e => e.Note!.StartsWith("Stops mid-sentence: every sibling ends like a sentence", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- Leads the migration of the warehouse to Apache Iceberg")]
    [InlineData("- Mentors engineers on distributed data processing and streaming")]
    [InlineData("- Owns the on-call rotation for ingestion pipelines (weekly)")]
    public async Task Review_BulletWithoutFullStop_IsNotTruncated(string bullet)
    {
        var profile = Edited(p => p.Replace("- Reviews teammates' SQL and Spark code for correctness, partitioning and cost.\n",
            "- Reviews teammates' SQL and Spark code for correctness, partitioning and cost.\n" + bullet + "\n", StringComparison.Ordinal));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score == 5, string.Join(" | ", consistency.Evidence.Select(e => e.Note)));
    }

    [Fact]
    public async Task Review_ListWithoutFullStops_IsAStyleNotATruncation()
    {
        var profile = Edited(p => Regex.Replace(p, @"(?m)^(- [^\n]*?)\.$", "$1"));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score == 5, string.Join(" | ", consistency.Evidence.Select(e => e.Note)));
    }

    [Fact]
    public async Task Review_SkillWithNameButNoDescription_FailsConsistency()
    {
        var profile = Edited(p => p.Replace("- Applies lineage, cataloguing and role-based access controls to sensitive datasets.\n", "", StringComparison.Ordinal));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score <= 2);
        Assert.Contains(consistency.Evidence, e => e.Quote == "Data Governance" && e.Note!.Contains("no description", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_EmptySection_FailsConsistency()
    {
        var profile = Edited(p => p.Replace("- Senior Data Engineer\n- Data Infrastructure Engineer\n", "", StringComparison.Ordinal));

        var (consistency, _) = await ScoresAsync(profile);

        Assert.True(consistency.Score <= 2);
        Assert.Contains(consistency.Evidence, e => e.LayerKey == LayerKeys.TitleAliases && e.Note!.Contains("empty", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(?:Focus — |Responsibilities by level|Level guidelines|Skills$|Provenance$|Level — |Adjacent roles|Title aliases|Classification mappings)")]
    private static partial Regex KnownHeading();
}
