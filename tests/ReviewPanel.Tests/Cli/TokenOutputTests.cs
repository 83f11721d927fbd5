using System.Text.Json;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Tests.Cli;

/// <summary>Per-call prompt, completion, cached and reserved tokens in --format json: added beside the old fields, which keep their values.</summary>
public sealed class TokenOutputTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ProfileReport Report(params Review[] reviews) => new()
    {
        RunId = "run-1",
        Source = "a.txt",
        ProfileId = "A.B.P4",
        Verdict = new Verdict { Outcome = VerdictOutcome.Pass },
        Reviews = reviews,
        StartedAt = T0,
        FinishedAt = T0,
    };

    private static Review Llm(string id, params CallRecord[] calls) => new() { ReviewerId = id, ReviewerVersion = "v", Kind = ReviewerKinds.Llm, Calls = calls };

    [Fact]
    public void Json_FreshCalls_ListedPerReviewerWithTheirTokens_TotalsBesideTheOldFields()
    {
        var report = Report(
            Llm("llm.practitioner", new CallRecord { Deployment = "mini", Attempts = 2, InputTokens = 2_000, OutputTokens = 120, CachedInputTokens = 1_024, ReservedOutputTokens = 540 }),
            Llm("llm.red-teamer", new CallRecord { Deployment = "mini", Attempts = 1, InputTokens = 3_000, OutputTokens = 300, ReservedOutputTokens = 1_060 }));
        var result = new BatchResult("run-1", [ProfileSummary.From(report)], T0, T0);

        using var json = JsonDocument.Parse(BatchOutput.Json(result));

        var profile = json.RootElement.GetProperty("profiles")[0];
        Assert.Equal((5_000, 420), (profile.GetProperty("inputTokens").GetInt32(), profile.GetProperty("outputTokens").GetInt32()));
        Assert.Equal(1_024, profile.GetProperty("cachedInputTokens").GetInt32());
        Assert.Equal(1_600, profile.GetProperty("reservedTokens").GetInt32());
        var calls = profile.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(["llm.practitioner", "llm.red-teamer"], calls.Select(c => c.GetProperty("reviewer").GetString()));
        Assert.Equal((2_000, 120, 1_024, 540, 2), (calls[0].GetProperty("promptTokens").GetInt32(), calls[0].GetProperty("completionTokens").GetInt32(),
            calls[0].GetProperty("cachedTokens").GetInt32(), calls[0].GetProperty("reservedTokens").GetInt32(), calls[0].GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, calls[1].GetProperty("cachedTokens").ValueKind); // not reported is not zero
    }

    [Fact]
    public void Json_ReusedReview_ItsCallsCostNothingAndAreNotListed()
    {
        var reused = Llm("llm.practitioner", new CallRecord { InputTokens = 2_000, ReservedOutputTokens = 540 }) with { ReusedFromRun = "run-0" };
        var result = new BatchResult("run-1", [ProfileSummary.From(Report(reused))], T0, T0);

        using var json = JsonDocument.Parse(BatchOutput.Json(result));

        var profile = json.RootElement.GetProperty("profiles")[0];
        Assert.Empty(profile.GetProperty("calls").EnumerateArray());
        Assert.Equal(0, profile.GetProperty("reservedTokens").GetInt32());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("cachedInputTokens").ValueKind);
    }
}
