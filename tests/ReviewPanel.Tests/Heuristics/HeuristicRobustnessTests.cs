using ReviewPanel.Heuristics;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Heuristics;

/// <summary>Drafts are untrusted and often broken: no heuristic may throw on them, and the contract still holds.</summary>
public sealed class HeuristicRobustnessTests
{
    public static TheoryData<string> ReviewerIds() => [.. HeuristicPanel.CreateDefault().Select(r => r.Descriptor.Id)];

    private static IEnumerable<RoleProfile> OddProfiles()
    {
        yield return TestProfiles.FromLayers([TestProfiles.Layer(LayerKeys.Title, "Title", "Untitled role")]);
        yield return TestProfiles.FromLayers([]);
        yield return TestProfiles.FromLayers(
        [
            TestProfiles.Layer(LayerKeys.Title, "Title", ""),
            TestProfiles.Layer(LayerKeys.Responsibilities, "Responsibilities", "Responsibilities\n- \n-"),
            TestProfiles.Layer(LayerKeys.LevelGuidelines, "Level guidelines", "Level guidelines\n| |\n|---|"),
            TestProfiles.Layer(LayerKeys.Level, "Level", "Level — \n- Typical experience\n-"),
            TestProfiles.Layer(LayerKeys.Classification, "Classification", "Classification\n- code="),
        ]);
        yield return TestProfiles.Seed().With(TestProfiles.Layer(LayerKeys.LevelGuidelines, "Level guidelines", "Level guidelines\nno table here") with
        {
            Rows = [["P9"], [], ["x", "99+ years"]],
        });
    }

    [Theory]
    [MemberData(nameof(ReviewerIds))]
    public async Task Review_OddProfiles_NeverThrowsAndKeepsTheContract(string id)
    {
        var reviewer = HeuristicPanel.CreateDefault().Single(r => r.Descriptor.Id == id);

        foreach (var profile in OddProfiles())
        {
            var review = await reviewer.ReviewAsync(profile, CancellationToken.None);
            Assert.Equal(reviewer.Descriptor.Dimensions, review.Scores.Select(s => s.Dimension));
            foreach (var evidence in review.Scores.SelectMany(s => s.Evidence).Concat(review.Injections))
            {
                ReviewAssert.Grounded(profile, evidence);
            }
        }
    }

    [Fact]
    public async Task EvidenceReviewer_WithAGivenCatalog_JudgesCodesAgainstIt()
    {
        var catalog = new SocCatalog([new SocOccupation("29-1141.00", "Registered Nurses", "Administer nursing care to patients.")]);
        var sut = new EvidenceReviewer(catalog);

        var score = await ReviewAssert.ScoreAsync(sut, TestProfiles.Seed());

        // 15-1244 is real, but not in this catalog.
        Assert.Equal(2, score.Score);
        Assert.Contains(score.Evidence, e => e.Quote == "15-1244" && e.Note!.Contains("not in the O*NET-SOC list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviewers_AreDeterministic()
    {
        var profile = TestProfiles.Seed();
        foreach (var reviewer in HeuristicPanel.CreateDefault())
        {
            var first = await reviewer.ReviewAsync(profile, CancellationToken.None);
            var second = await reviewer.ReviewAsync(profile, CancellationToken.None);
            Assert.Equal(Describe(first), Describe(second));
        }

        static string Describe(Review r) => string.Join("|", r.Scores.Select(s => $"{s.Dimension}={s.Score}:{string.Join(";", s.Evidence)}"));
    }
}
