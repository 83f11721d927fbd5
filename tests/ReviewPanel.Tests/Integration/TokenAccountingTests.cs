using System.Text.Json.Nodes;
using ReviewPanel.Emulator;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Integration;

/// <summary>
/// What a call record says it cost against what crossed the wire: the max_tokens in each request body, the
/// prompt-cache hits the emulator reports, and reply lengths against the budget they were given.
/// </summary>
public sealed class TokenAccountingTests
{
    private const string Clean = "data-platform-p4.txt";

    [Fact]
    public async Task Review_ReservedTokensEqualMaxTokensSentOnTheWire_PerPersona()
    {
        await using var h = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Score = 5 }));

        var report = await h.ReviewAsync(LlmPanelHarness.Import(Clean));

        var requests = h.Server.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Equal(LlmTestData.ShippedPersonaCount, requests.Count);
        foreach (var review in report.Reviews)
        {
            var call = Assert.Single(review.Calls);
            var dimensions = review.Scores.Select(s => s.Dimension).ToHashSet();
            // The request of this persona: the one whose schema enumerates exactly its dimensions.
            var sent = requests.Single(b => DimensionEnum(b).SetEquals(dimensions));
            var wire = (sent["max_completion_tokens"] ?? sent["max_tokens"])!.GetValue<int>();
            Assert.Equal(wire, call.ReservedOutputTokens);
        }
        Assert.Equal(report.Reviews.Sum(r => r.Calls.Sum(c => c.ReservedOutputTokens)), ProfileSummary.From(report).ReservedTokens);
    }

    [Fact]
    public async Task Review_SecondProfile_HitsThePromptCacheForTheStaticPrefix_AndTheRecordKeepsIt()
    {
        await using var h = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Score = 5 }));

        var first = await h.ReviewAsync(LlmPanelHarness.Import(Clean));
        var second = await h.ReviewAsync(LlmPanelHarness.Import("injection-p4.txt"));

        // The first sight of each persona's prefix is a miss; a different profile behind the same prefix is a hit.
        Assert.All(first.Reviews, r => Assert.Equal(0, r.Calls.Single().CachedInputTokens));
        Assert.All(second.Reviews, r =>
        {
            var call = r.Calls.Single();
            Assert.True(call.CachedInputTokens >= 1_024, $"{r.ReviewerId}: {call.CachedInputTokens} cached");
            Assert.True(call.CachedInputTokens < call.InputTokens, r.ReviewerId);
        });
        Assert.Equal(second.Reviews.Sum(r => r.Calls.Single().CachedInputTokens), ProfileSummary.From(second).CachedInputTokens);
    }

    [Theory]
    [InlineData(EmulatorPolicy.Low)]
    [InlineData(EmulatorPolicy.DetectInjection)]
    public async Task Review_EmulatorRepliesWithQuotesAndInjections_FitTheirMaxTokens(EmulatorPolicy policy)
    {
        await using var h = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Policy = policy }));

        var report = await h.ReviewAsync(LlmPanelHarness.Import("injection-p4.txt"));

        Assert.All(report.Reviews, r =>
        {
            Assert.Equal(ReviewStatus.Ok, r.Status);
            var call = r.Calls.Single();
            // The emulator's quotes are whole lines, longer than the instructions allow: a wordier model than asked for.
            Assert.True(call.OutputTokens <= call.ReservedOutputTokens, $"{r.ReviewerId}: {call.OutputTokens} of {call.ReservedOutputTokens}");
            Assert.Equal(["stop"], call.FinishReasons);
        });
    }

    [Fact]
    public async Task Review_AfterWarmUp_SendsMaxTokensSizedFromRecentReplies_AndACutOffReplyIsReaskedWithTheCap()
    {
        await using var h = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Score = 5 }));
        var profile = LlmPanelHarness.Import(Clean);
        for (var i = 0; i < CompletionBudget.WarmUp; i++)
        {
            await h.ReviewAsync(profile);
        }
        // Until the warm-up is over every request reserves its schema's cap.
        Assert.All(h.Server.Requests, r => Assert.Equal(CapOf(JsonNode.Parse(r.Body)!.AsObject()), MaxTokensOf(JsonNode.Parse(r.Body)!.AsObject())));

        var sized = await h.ReviewAsync(profile);

        var budgets = new Dictionary<string, int>();
        Assert.All(sized.Reviews, r =>
        {
            var call = r.Calls.Single();
            var cap = ReviewSchema.ReviewMaxOutputTokens(r.Scores.Count);
            Assert.Equal(ReviewStatus.Ok, r.Status);
            Assert.Equal(["stop"], call.FinishReasons);
            Assert.True(call.ReservedOutputTokens < cap, $"{r.ReviewerId}: reserved {call.ReservedOutputTokens} of cap {cap}");
            Assert.True(call.OutputTokens <= call.ReservedOutputTokens, $"{r.ReviewerId}: {call.OutputTokens} of {call.ReservedOutputTokens}");
            budgets[r.ReviewerId] = call.ReservedOutputTokens!.Value;
        });

        // One reply cut off at max_tokens: that persona's re-ask, and its next request, reserve the cap again.
        h.Server.ConfigureDefault(new DeploymentBehavior { Score = 5, Script = [EmulatorPolicy.Length] });
        var cut = await h.ReviewAsync(profile);
        var afterCut = await h.ReviewAsync(profile);

        var hit = Assert.Single(cut.Reviews, r => r.Calls.Single().FinishReasons.Contains("length"));
        var hitCap = ReviewSchema.ReviewMaxOutputTokens(hit.Scores.Count);
        Assert.Equal(ReviewStatus.Ok, hit.Status);
        Assert.Equal(["length", "stop"], hit.Calls.Single().FinishReasons);
        Assert.Equal(budgets[hit.ReviewerId] + hitCap, hit.Calls.Single().ReservedOutputTokens);
        Assert.Equal(hitCap, afterCut.Reviews.Single(r => r.ReviewerId == hit.ReviewerId).Calls.Single().ReservedOutputTokens);
        Assert.All(afterCut.Reviews.Where(r => r.ReviewerId != hit.ReviewerId),
            r => Assert.Equal(budgets[r.ReviewerId], r.Calls.Single().ReservedOutputTokens));
    }

    private static int MaxTokensOf(JsonObject body) => (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>();

    private static int CapOf(JsonObject body) => ReviewSchema.ReviewMaxOutputTokens(DimensionEnum(body).Count);

    private static HashSet<string> DimensionEnum(JsonObject body) =>
        [.. body["response_format"]!["json_schema"]!["schema"]!["properties"]!["scores"]!["items"]!["properties"]!["dimension"]!["enum"]!
            .AsArray().Select(n => n!.GetValue<string>())];
}
