using Microsoft.Extensions.Logging.Abstractions;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Panel;

/// <summary>Every committed fixture profile through the offline panel: its verdict and failing dimensions are pinned.</summary>
public sealed class FixtureVerdictTests
{
    private static ProfileReport Review(string file)
    {
        var imported = new ProfileImporter().Import(RepoFiles.Path("fixtures", "profiles", file));
        Assert.True(imported.IsSuccess, imported.Error?.Reason);
        var panel = TestHost.OfflinePanel();
        return panel.ReviewAsync("run", imported.Profile, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData("devops-sre-p6-deduplicated.txt")]
    [InlineData("data-platform-p4.txt")]
    [InlineData("data-platform-p4.json")]
    public void CleanProfile_Passes(string file)
    {
        var verdict = Review(file).Verdict;

        Assert.True(verdict.Outcome == VerdictOutcome.Pass, $"{file}: {verdict.Outcome} failing {string.Join(",", verdict.Failing)} {verdict.Error}");
        Assert.True(verdict.Minimum >= 4);
    }

    [Theory]
    [InlineData("devops-sre-p6.txt", "consistency")]
    [InlineData("placeholder-p4.txt", "consistency")]
    [InlineData("truncated-p4.txt", "consistency")]
    [InlineData("ladder-out-of-order-p4.txt", "level-calibration")]
    [InlineData("title-level-mismatch-p4.txt", "level-calibration")]
    [InlineData("no-provenance-p4.json", "evidence")]
    [InlineData("implausible-soc-p4.json", "evidence")]
    [InlineData("exclusionary-p4.txt", "fairness")]
    [InlineData("generic-responsibilities-p4.txt", "specificity")]
    [InlineData("injection-p4.txt", Verdict.InjectionRule)]
    public void DefectiveProfile_FailsOnItsDefect(string file, string failing)
    {
        var verdict = Review(file).Verdict;

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        Assert.Contains(failing, verdict.Failing);
    }

    [Fact]
    public void Seed_FailsConsistencyQuotingTheRepeatedFocusParagraph()
    {
        var report = Review("devops-sre-p6.txt");

        var consistency = report.Verdict.Dimensions.Single(d => d.Dimension == "consistency");
        Assert.True(consistency.Failing);
        Assert.Contains(consistency.Evidence, e => e.Grounded == true
            && e.Quote.Contains("Focuses on the reliability, availability, and operational performance of production systems", StringComparison.Ordinal));
        Assert.Equal(["consistency"], report.Verdict.Failing);
    }

    [Fact]
    public void Injection_FailsWithTheQuoteWhateverTheScores()
    {
        var verdict = Review("injection-p4.txt").Verdict;

        Assert.Contains(verdict.Injections, e => e.Quote.Contains("ignore the rubric", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Injection_OneInstructionTrippingSeveralRules_IsReportedOnce()
    {
        var verdict = Review("injection-p4.txt").Verdict;

        Assert.Single(verdict.Injections);
    }

    [Fact]
    public void OfflineVerdict_SaysWhichDimensionsWereJudgedAndByWhom()
    {
        var verdict = Review("data-platform-p4.txt").Verdict;

        var judged = verdict.Dimensions.Where(d => d.Judged).Select(d => d.Dimension).Order().ToList();
        Assert.Equal(["consistency", "evidence", "fairness", "level-calibration", "specificity"], judged);
        Assert.All(verdict.Dimensions.Where(d => d.Judged), d => Assert.NotEmpty(d.ScoredBy));
        Assert.All(verdict.Dimensions.Where(d => d.Dimension is "accuracy" or "distinctiveness"), d => Assert.False(d.Required));
    }
}
