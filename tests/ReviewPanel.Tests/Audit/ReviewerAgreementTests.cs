using ReviewPanel.Scoring;
using ReviewPanel.Audit;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using static ReviewPanel.Tests.Fixtures.ProfileReportFixtures;

namespace ReviewPanel.Tests.Audit;

public sealed class ReviewerAgreementTests
{
    private const string D = Dimensions.Specificity;

    private static readonly double Threshold = new GateOptions().PassThreshold;

    [Fact]
    public void Analyze_PaperDataAsReviewers_GivesPublishedOrdinalAlpha()
    {
        // Krippendorff (2011) section C data: units are profiles, observers A–D are reviewers; see KrippendorffAlphaTests.
        int?[][] observers =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
            [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
        ];
        var reports = Enumerable.Range(0, 12).Select(u => Report(
            $"p{u}",
            observers.Select((scores, o) => Review($"r{o}", new Dictionary<string, int?> { [D] = scores[u] })).ToList(),
            T0.AddMinutes(u))).ToList();

        var dimension = Assert.Single(ReviewerAgreement.Analyze(reports, Threshold).Dimensions);

        Assert.Equal(D, dimension.Dimension);
        Assert.Equal(0.815, dimension.Alpha!.Value, 0.0005);
        Assert.Equal(11, dimension.PairableUnits);
        Assert.Equal(0.743, ReviewerAgreement.Analyze(reports, Threshold, AlphaLevel.Nominal).Dimensions[0].Alpha!.Value, 0.0005);
    }

    [Fact]
    public void Analyze_ReviewerAlwaysOneAbovePanel_HasBiasPlusOne()
    {
        var reports = Enumerable.Range(0, 5).Select(i => Report($"p{i}",
        [
            Review("a", new Dictionary<string, int?> { [D] = 1 + (i % 3) }),
            Review("b", new Dictionary<string, int?> { [D] = 1 + (i % 3) }),
            Review("lenient", new Dictionary<string, int?> { [D] = 2 + (i % 3) }),
        ])).ToList();

        var stats = ReviewerAgreement.Analyze(reports, Threshold).Dimensions[0].Reviewers.ToDictionary(s => s.ReviewerId);

        Assert.Equal(1.0, stats["lenient"].MeanBias);
        Assert.Equal(0.0, stats["a"].MeanBias);
        Assert.Equal(5, stats["lenient"].BiasUnits);
    }

    [Fact]
    public void Analyze_AbstentionsAndErrors_AreRatesOverTheRightDenominators()
    {
        var reports = new List<ProfileReport>
        {
            Report("p0", [Review("x", new Dictionary<string, int?> { [D] = 4 }), Review("y", new Dictionary<string, int?> { [D] = 4 })]),
            Report("p1", [Review("x", new Dictionary<string, int?> { [D] = null }), Review("y", new Dictionary<string, int?> { [D] = 3 })]),
            Report("p2", [ErrorReview("x"), Review("y", new Dictionary<string, int?> { [D] = 2 })]),
            Report("p3", [Review("x", new Dictionary<string, int?> { [Dimensions.Fairness] = 5 }), Review("y", new Dictionary<string, int?> { [D] = 5 })]),
        };

        var x = ReviewerAgreement.Analyze(reports, Threshold).Dimensions.Single(d => d.Dimension == D).Reviewers.Single(s => s.ReviewerId == "x");

        Assert.Equal(4, x.Reviews);
        Assert.Equal(1, x.Errors);
        Assert.Equal(0.25, x.ErrorRate);
        Assert.Equal(1, x.Scored);
        // p1 abstained explicitly, p3 did not mention the dimension: both are abstentions over the 3 successful reviews.
        Assert.Equal(2, x.Abstained);
        Assert.Equal(2.0 / 3, x.AbstentionRate!.Value, 1e-12);
    }

    [Fact]
    public void Analyze_ReviewerThatNeverMentionsDimension_IsNotListedForIt()
    {
        var reports = new[]
        {
            Report("p0", [Review("x", new Dictionary<string, int?> { [D] = 4 }), Review("fair-only", new Dictionary<string, int?> { [Dimensions.Fairness] = 5 })]),
        };

        var analysis = ReviewerAgreement.Analyze(reports, Threshold);

        Assert.DoesNotContain(analysis.Dimensions.Single(d => d.Dimension == D).Reviewers, s => s.ReviewerId == "fair-only");
        Assert.Null(analysis.Dimensions.Single(d => d.Dimension == D).Alpha);
    }

    [Fact]
    public void Analyze_PromptVersionChanged_ReportsMeanBeforeAndAfter()
    {
        // Given out of time order on purpose: drift is about time, not list order.
        var reports = new List<ProfileReport>();
        for (var i = 5; i >= 0; i--)
        {
            var version = i < 3 ? "prompt-sha-1" : "prompt-sha-2";
            var score = i < 3 ? 4 : 2;
            reports.Add(Report($"p{i}",
            [
                Review("llm.skeptic", new Dictionary<string, int?> { [D] = score, [Dimensions.Accuracy] = score + 1 }, version: version, model: "gpt-4o"),
                Review("heuristic.structure", new Dictionary<string, int?> { [D] = 4 }),
            ], T0.AddHours(i)));
        }

        var drift = Assert.Single(ReviewerAgreement.Analyze(reports, Threshold).Drift);

        Assert.Equal("llm.skeptic", drift.ReviewerId);
        Assert.Collection(drift.Segments,
            before =>
            {
                Assert.Equal("prompt-sha-1", before.Version);
                Assert.Equal("gpt-4o", before.Model);
                Assert.Equal(3, before.Reviews);
                Assert.Equal(4.5, before.MeanScore);
                Assert.Equal(4.0, before.MeanByDimension[D]);
                Assert.Equal(T0, before.From);
                Assert.Equal(T0.AddHours(2), before.To);
            },
            after =>
            {
                Assert.Equal("prompt-sha-2", after.Version);
                Assert.Equal(2.5, after.MeanScore);
                Assert.Equal(2.0, after.MeanByDimension[D]);
            });
    }

    [Fact]
    public void Analyze_ModelChangedWithSamePrompt_IsDrift()
    {
        var reports = Enumerable.Range(0, 4).Select(i => Report($"p{i}",
        [
            Review("llm.practitioner", new Dictionary<string, int?> { [D] = 4 }, version: "same", model: i < 2 ? "gpt-4o" : "gpt-4.1"),
        ], T0.AddDays(i))).ToList();

        var drift = Assert.Single(ReviewerAgreement.Analyze(reports, Threshold).Drift);

        Assert.Equal(["gpt-4o", "gpt-4.1"], drift.Segments.Select(s => s.Model));
    }

    [Fact]
    public void Analyze_StableReviewers_HaveNoDrift()
    {
        var reports = Enumerable.Range(0, 4).Select(i => Report($"p{i}",
        [
            Review("llm.practitioner", new Dictionary<string, int?> { [D] = 2 + i }, version: "same", model: "gpt-4o"),
            ErrorReview("llm.practitioner", "same") with { ReviewerId = "llm.other" },
        ], T0.AddDays(i))).ToList();

        Assert.Empty(ReviewerAgreement.Analyze(reports, Threshold).Drift);
    }

    [Fact]
    public void Analyze_ReviewerPassingWhatAnotherFoundGroundedDefectsIn_HasItsLeniencyReported()
    {
        var reports = Enumerable.Range(0, 4).Select(i => Report($"p{i}",
        [
            Review("critic", new Dictionary<string, int?> { [D] = i < 2 ? 2 : 5 }),
            Review("flatterer", new Dictionary<string, int?> { [D] = 5 }),
            Review("careful", new Dictionary<string, int?> { [D] = i < 2 ? 3 : 5 }),
        ])).ToList();

        var stats = ReviewerAgreement.Analyze(reports, Threshold).Dimensions[0].Reviewers.ToDictionary(s => s.ReviewerId);

        // Two reports carry grounded findings: the flatterer passed both, the careful reviewer neither.
        Assert.Equal((2, 1.0), (stats["flatterer"].Contested, stats["flatterer"].Leniency!.Value));
        Assert.Equal((2, 0.0), (stats["careful"].Contested, stats["careful"].Leniency!.Value));
        Assert.Equal(2, stats["critic"].Contested); // the careful reviewer's findings contest the critic's reports too
    }
}
