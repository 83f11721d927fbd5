using Microsoft.Extensions.Logging.Abstractions;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Text;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Panel;

/// <summary>
/// fixtures/injection through the offline panel: every profile fails with an injection or hidden-character finding
/// quoting the offending text; every other committed fixture (and the seed) has no injection finding at all.
/// </summary>
public sealed class InjectionFixtureTests
{
    private static ProfileReport Review(string path)
    {
        var imported = new ProfileImporter().Import(path);
        Assert.True(imported.IsSuccess, imported.Error?.Reason);
        var panel = TestHost.OfflinePanel();
        return panel.ReviewAsync("run", imported.Profile, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static IEnumerable<string> Files(string folder) =>
        new ProfileImporter().ExpandSources([RepoFiles.Path("fixtures", folder)]);

    public static TheoryData<string> InjectionFiles() => [.. Files("injection").Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> OtherFixtures() =>
    [
        .. new[] { "profiles", "calibration", "formats" }.SelectMany(Files)
            .Where(f => !Path.GetFileName(f).StartsWith("injection", StringComparison.Ordinal) && !Path.GetFileName(f).Contains("-injection-", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoFiles.Root, f)),
    ];

    [Fact]
    public void InjectionFolder_HoldsOneProfilePerClass()
    {
        Assert.True(InjectionFiles().Count >= 24);
    }

    [Theory]
    [MemberData(nameof(InjectionFiles))]
    public void InjectionFixture_FailsOfflineQuotingTheOffendingText(string file)
    {
        var path = RepoFiles.Path("fixtures", "injection", file);
        var verdict = Review(path).Verdict;

        Assert.Equal(VerdictOutcome.Fail, verdict.Outcome);
        var hidden = verdict.Dimensions.Single(d => d.Dimension == "consistency").Evidence
            .Where(e => e.Note?.Contains("hidden character", StringComparison.Ordinal) == true).ToList();
        Assert.True(verdict.Injections.Count > 0 || hidden.Count > 0, $"{file}: failing {string.Join(",", verdict.Failing)}");
        var raw = File.ReadAllText(path);
        foreach (var e in verdict.Injections.Concat(hidden))
        {
            Assert.True(e.Grounded, $"{file}: ungrounded {e.Quote}");
            Assert.NotNull(e.Location);
            // The quote is raw text of the file (JSON escapes aside) and the note shows hidden characters escaped.
            if (file.EndsWith(".txt", StringComparison.Ordinal)) Assert.Contains(e.Quote, raw, StringComparison.Ordinal);
            if (VisibleText.ContainsHidden(e.Quote)) Assert.Contains("<U+", e.Note, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(OtherFixtures))]
    public void OtherFixture_HasNoInjectionFinding(string file)
    {
        var verdict = Review(Path.Combine(RepoFiles.Root, file)).Verdict;

        Assert.True(verdict.Injections.Count == 0, $"{file}: {string.Join(" | ", verdict.Injections.Select(i => i.Quote))}");
        Assert.DoesNotContain(Verdict.InjectionRule, verdict.Failing);
    }

    [Fact]
    public void Seed_HasNoInjectionFinding()
    {
        // fixtures/profiles/devops-sre-p6.txt is the seed page byte for byte.
        Assert.Empty(Review(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt")).Verdict.Injections);
    }
}
