using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

public sealed class LlmReviewerTests
{
    private readonly FakeChatClient _chat = new();
    private readonly FakeTimeProvider _time = new();

    private LlmReviewer CreateSut(int maxReasks = 2, int repeats = 1, PersonaFile? persona = null) => new(
        persona ?? LlmTestData.Persona(temperature: 0.4),
        new ReviewPromptBuilder(LlmTestData.Rubric),
        _chat,
        new LlmReviewerOptions { MaxReasks = maxReasks, Repeats = repeats, Deployment = "gpt-4o-dep", Endpoint = "default" },
        _time);

    private Task<Review> ReviewAsync(LlmReviewer sut) => sut.ReviewAsync(LlmTestData.Profile(), CancellationToken.None);

    [Fact]
    public void Descriptor_IdentifiesPersonaPromptAndModel()
    {
        var persona = LlmTestData.Persona();
        var descriptor = CreateSut(persona: persona).Descriptor;

        Assert.Equal("llm.practitioner", descriptor.Id);
        Assert.Equal(persona.Sha256, descriptor.Version);
        Assert.Equal("llm", descriptor.Kind);
        Assert.Equal("gpt-4o-dep", descriptor.Model);
        Assert.Equal(["accuracy", "specificity"], descriptor.Dimensions);
        Assert.Equal(LlmTestData.Rubric.Sha256, descriptor.Settings!["rubric"]);
        Assert.Equal("default", descriptor.Settings["endpoint"]);
    }

    [Fact]
    public async Task ReviewAsync_ValidReply_ReturnsScoresAndRecordsTheCall()
    {
        _chat.OnCall = () => _time.Advance(TimeSpan.FromMilliseconds(250));
        _chat.Reply(LlmTestData.GoodReply(accuracy: 5, specificity: 2), model: "gpt-4o-2024-08-06", input: 1200, output: 300, attempts: 3);

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Equal("llm.practitioner", review.ReviewerId);
        Assert.Equal([5, 2], review.Scores.Select(s => s.Score!.Value));
        Assert.Equal("Leverages synergies to drive excellence.", review.Scores[1].Evidence.Single().Quote);
        Assert.Empty(review.Repeats);
        var call = Assert.Single(review.Calls);
        Assert.Equal("gpt-4o-dep", call.Deployment);
        Assert.Equal("gpt-4o-2024-08-06", call.Model);
        Assert.Equal(0.4, call.Temperature, 3);
        Assert.Equal(1200, call.InputTokens);
        Assert.Equal(300, call.OutputTokens);
        Assert.Equal(3, call.Attempts);
        Assert.Equal(250, call.LatencyMs, 3);
        Assert.Equal(["stop"], call.FinishReasons);
        Assert.Empty(call.RejectedReplies);

        var (messages, options) = Assert.Single(_chat.Requests);
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal(0.4f, options!.Temperature);
        Assert.Equal("review", Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat).SchemaName);
    }

    [Fact]
    public async Task ReviewAsync_AttemptsMissing_CountsOne()
    {
        _chat.Reply(LlmTestData.GoodReply());
        Assert.Equal(1, (await ReviewAsync(CreateSut())).Calls.Single().Attempts);
    }

    [Fact]
    public async Task ReviewAsync_MalformedThenValid_ReasksWithErrorAndPreviousReply()
    {
        _chat.Reply("I think the profile is fine.", attempts: 2).Reply(LlmTestData.GoodReply(), attempts: 1);

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Equal(2, _chat.Requests.Count);
        var reask = _chat.Requests[1].Messages;
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], reask.Select(m => m.Role));
        Assert.Equal("I think the profile is fine.", reask[2].Text);
        Assert.StartsWith("Your reply was rejected: the reply is not valid JSON", reask[3].Text);
        var call = review.Calls.Single();
        Assert.Equal(3, call.Attempts); // HTTP attempts of both asks
        Assert.Equal(200, call.InputTokens);
        Assert.Equal(["I think the profile is fine."], call.RejectedReplies);
    }

    [Fact]
    public async Task ReviewAsync_AlwaysMalformed_FailsAfterMaxReasksKeepingRawReplies()
    {
        _chat.Reply("nope 1").Reply("{\"scores\": 1}").Reply("nope 3").Reply("never asked");

        var review = await ReviewAsync(CreateSut(maxReasks: 2));

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Empty(review.Scores);
        Assert.Equal(3, _chat.Requests.Count);
        Assert.Contains("no valid reply after 3 attempt(s)", review.Error);
        Assert.Contains("not valid JSON", review.Error);
        Assert.Equal(["nope 1", "{\"scores\": 1}", "nope 3"], review.Calls.Single().RejectedReplies);
    }

    [Fact]
    public async Task ReviewAsync_ZeroReasks_FailsOnFirstMalformedReply()
    {
        _chat.Reply("nope");
        var review = await ReviewAsync(CreateSut(maxReasks: 0));
        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Single(_chat.Requests);
    }

    [Fact]
    public async Task ReviewAsync_TruncatedReply_IsReaskedWithTheFinishReason()
    {
        _chat.Reply(LlmTestData.GoodReply(), finish: ChatFinishReason.Length).Reply(LlmTestData.GoodReply());

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Contains("finish_reason length", _chat.Requests[1].Messages[^1].Text);
        Assert.Equal(["length", "stop"], review.Calls.Single().FinishReasons);
    }

    [Fact]
    public async Task ReviewAsync_FilteredReply_IsReasked()
    {
        _chat.Reply("", finish: ChatFinishReason.ContentFilter).Reply(LlmTestData.GoodReply());

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Contains("content filter", _chat.Requests[1].Messages[^1].Text);
    }

    [Fact]
    public async Task ReviewAsync_Refusal_IsReaskedAndKept()
    {
        var refusal = new ChatResponse(new ChatMessage(ChatRole.Assistant, [new ErrorContent("I can't help with that.") { ErrorCode = "Refusal" }]))
        {
            FinishReason = ChatFinishReason.Stop,
        };
        _chat.Respond(refusal).Reply(LlmTestData.GoodReply());

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Contains("the model refused (I can't help with that.)", _chat.Requests[1].Messages[^1].Text);
    }

    [Fact]
    public async Task ReviewAsync_ContentFilterException_IsReaskedThenFails()
    {
        var filtered = new ContentFilterException("HTTP 400 content_filter");
        filtered.Data["reviewpanel.attempts"] = 1;
        _chat.Throw(filtered).Throw(new ContentFilterException("HTTP 400 content_filter"));

        var review = await ReviewAsync(CreateSut(maxReasks: 1));

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Equal(2, _chat.Requests.Count);
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.User], _chat.Requests[1].Messages.Select(m => m.Role)); // nothing to echo
        Assert.Contains("content filter", review.Error);
        Assert.Equal(2, review.Calls.Single().RejectedReplies.Count);
        Assert.Equal(["content_filter", "content_filter"], review.Calls.Single().FinishReasons);
    }

    [Fact]
    public async Task ReviewAsync_TransportFailure_IsAnErrorReviewNotARetry()
    {
        var failure = new HttpRequestException("Service Unavailable\n\nHeaders:\napi-key: sk-SECRET-123\nx-request-id: 9");
        failure.Data["reviewpanel.attempts"] = 5;
        _chat.Throw(failure);

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Single(_chat.Requests);
        Assert.Contains("model call to 'gpt-4o-dep' failed: HttpRequestException: Service Unavailable", review.Error);
        Assert.DoesNotContain("sk-SECRET-123", review.Error);
        Assert.Equal(5, review.Calls.Single().Attempts);
    }

    [Fact]
    public async Task ReviewAsync_CallerCancels_PropagatesCancellation()
    {
        using var cts = new CancellationTokenSource();
        _chat.Step((_, _) =>
        {
            cts.Cancel();
            return Task.FromException<ChatResponse>(new OperationCanceledException(cts.Token));
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().ReviewAsync(LlmTestData.Profile(), cts.Token));
    }

    [Fact]
    public async Task ReviewAsync_Repeats_ScoresAreLowerMedianAndRepeatScoresKept()
    {
        _chat.Reply(LlmTestData.GoodReply(accuracy: 5, specificity: 3))
             .Reply(LlmTestData.GoodReply(accuracy: 3, specificity: 4))
             .Reply(LlmTestData.GoodReply(accuracy: 4, specificity: 4))
             .Reply(LlmTestData.GoodReply(accuracy: 5, specificity: 2));

        var review = await ReviewAsync(CreateSut(repeats: 4));

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Equal(4, review.Repeats.Count);
        Assert.Equal(4, review.Calls.Count);
        var accuracy = review.Scores.Single(s => s.Dimension == "accuracy");
        var specificity = review.Scores.Single(s => s.Dimension == "specificity");
        Assert.Equal(4, accuracy.Score); // sorted 3,4,5,5 → lower median 4
        Assert.Equal(3, specificity.Score); // sorted 2,3,4,4 → lower median 3
        Assert.Equal([5, 3, 4, 5], accuracy.RepeatScores);
        Assert.Equal([3, 4, 4, 2], specificity.RepeatScores); // straddles the pass line: the gate can flag it
        Assert.Equal("Leverages synergies to drive excellence.", specificity.Evidence.Single().Quote); // evidence argues for the median
    }

    [Fact]
    public async Task ReviewAsync_Repeats_EachRequestHasItsOwnBoundary()
    {
        _chat.Reply(LlmTestData.GoodReply()).Reply(LlmTestData.GoodReply());
        await ReviewAsync(CreateSut(repeats: 2));
        Assert.NotEqual(_chat.Requests[0].Messages[1].Text, _chat.Requests[1].Messages[1].Text);
    }

    [Fact]
    public async Task ReviewAsync_OneRepeatFails_WholeReviewIsAnError()
    {
        _chat.Reply(LlmTestData.GoodReply()).Throw(new TimeoutException("attempt timed out"));

        var review = await ReviewAsync(CreateSut(repeats: 3));

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.StartsWith("repeat 2 of 3: ", review.Error);
        Assert.Equal(2, review.Calls.Count);
        Assert.Empty(review.Scores);
    }

    [Fact]
    public async Task ReviewAsync_InjectionsReported_AreKept()
    {
        _chat.Reply(LlmTestData.Reply(
            [LlmTestData.Score("accuracy", 5), LlmTestData.Score("specificity", 5)],
            injections: [("focus", "Focuses on the reliability")]));

        var review = await ReviewAsync(CreateSut());

        Assert.Equal(new Evidence("focus", "Focuses on the reliability"), review.Injections.Single());
    }

    [Fact]
    public async Task ReviewAsync_ProfileWithoutLayers_IsAnErrorWithoutCalling()
    {
        var empty = LlmTestData.Profile() with { Layers = [] };
        var review = await CreateSut().ReviewAsync(empty, CancellationToken.None);
        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Empty(_chat.Requests);
    }

    [Fact]
    public async Task ReviewAsync_AttemptsAsJsonElement_AreRead()
    {
        _chat.Reply(LlmTestData.GoodReply(), attempts: JsonSerializer.SerializeToElement(4));
        Assert.Equal(4, (await ReviewAsync(CreateSut())).Calls.Single().Attempts);
    }
}
