using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Audit;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Fixtures;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Scoring;

/// <summary>
/// The pass threshold has one home, <see cref="GateOptions"/>: set it to 3 and every place that draws the pass line
/// moves with it — the gate, the reply validator, the adjudicator, the gold labels, the report legend and colours.
/// </summary>
public sealed class PassThresholdTests
{
    private static readonly GateOptions Three = new() { PassThreshold = 3 };

    [Fact]
    public void Gate_ThresholdThree_AMinimumOfThreePasses()
    {
        var review = Reviews.Of("a", (Dimensions.Consistency, 3));

        var verdict = new Gate(Three).Decide([review], [], [new ReviewerDescriptor("a", "1", ReviewerKinds.Llm, [Dimensions.Consistency])]);

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Empty(verdict.Dimensions.Single(d => d.Dimension == Dimensions.Consistency).VetoedBy);
    }

    [Theory]
    [InlineData(4.0, false)]
    [InlineData(3.0, true)]
    public void Validator_AScoreOfThreeWithoutEvidence_IsValidOnlyWhenThreePasses(double threshold, bool valid)
    {
        const string reply = """{"scores":[{"dimension":"specificity","score":3,"rationale":"thin","evidence":[]}],"injections":[],"summary":"s"}""";

        var result = ReviewReplyValidator.ValidateReview(reply, ["specificity"], ["focus"], new GateOptions { PassThreshold = threshold }.PassingScore);

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public async Task Adjudicator_ThresholdThree_AFinalThreeCarriesNoCritiqueEvidence()
    {
        var chat = new FakeChatClient();
        chat.Reply("""{"dimension":"specificity","score":3,"rationale":"acceptable","refutations":[]}""");
        var adjudicator = new LlmAdjudicator(LlmTestData.Persona("adjudicator", 0, [.. Dimensions.All]), new ReviewPromptBuilder(LlmTestData.Rubric), chat,
            new LlmReviewerOptions { Gate = Three });
        Review[] conflict =
        [
            new() { ReviewerId = "llm.a", ReviewerVersion = "1", Kind = ReviewerKinds.Llm, Scores = [new DimensionScore("specificity", 1, "filler", [new Evidence("focus", "synergies")])] },
            new() { ReviewerId = "llm.b", ReviewerVersion = "1", Kind = ReviewerKinds.Llm, Scores = [new DimensionScore("specificity", 5, "fine", [])] },
        ];

        var review = await adjudicator.AdjudicateAsync(LlmTestData.Profile(), "specificity", conflict, CancellationToken.None);

        Assert.Empty(review.Scores.Single().Evidence);
    }

    [Fact]
    public void GoldLabel_ThresholdThree_AllThreesPass()
    {
        var label = GoldLabel.Parse("""{"scores": {"consistency": 3, "fairness": 3}}""", "a.gold.json", Three.PassingScore);

        Assert.True(label.Pass);
    }

    [Fact]
    public void Registration_ConfiguredThresholdThree_ReachesTheModelReviewersAndTheReportLegendAndColours()
    {
        using var services = TestHost.Build(new Dictionary<string, string?>
        {
            ["ReviewPanel:Gate:PassThreshold"] = "3",
            ["ReviewPanel:Llm:Endpoints:default:Endpoint"] = "http://127.0.0.1:9/",
            ["ReviewPanel:Llm:Endpoints:default:Deployment"] = "d",
            ["ReviewPanel:Llm:Endpoints:default:ApiKey"] = "k",
        });
        var catalog = services.GetRequiredService<LlmReviewerCatalog>();
        Assert.All(catalog.Reviewers, r => Assert.Equal("3", r.Descriptor.Settings!["passingScore"]));

        var reviews = new[] { Reviews.Of("llm.a", (Dimensions.Consistency, 3)) };
        var verdict = new Gate(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GateOptions>>().Value)
            .Decide(reviews, [], [new ReviewerDescriptor("llm.a", "1", ReviewerKinds.Llm, [Dimensions.Consistency])]);
        var report = ProfileReportFixtures.Report("P1", reviews) with { Verdict = verdict };
        var html = services.GetRequiredService<ReportWriters>().For("html").Render(ReportModelFixtures.Model([report]));

        Assert.Equal(VerdictOutcome.Pass, verdict.Outcome);
        Assert.Contains("its lowest is at least 3.0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("s s3 f", html, StringComparison.Ordinal);
        Assert.Contains("s s3", html, StringComparison.Ordinal);
    }
}
