using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using ReviewPanel.Llm;
using ReviewPanel.Resilience;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

public sealed class ResilientChatClientTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FakeChatClient _inner = new();
    private readonly ChatResiliencePipelineFactory _pipelines;

    public ResilientChatClientTests() => _pipelines = new ChatResiliencePipelineFactory(_time);

    public void Dispose() => _pipelines.Dispose();

    private static EndpointOptions Endpoint(int maxRetries = 3, int minimumThroughput = 8, int maxConcurrency = 0) => new()
    {
        Endpoint = new Uri("https://example.openai.azure.com/"),
        Deployment = "dep",
        MaxRetries = maxRetries,
        RetryBaseDelayMs = 0, // backoff without waiting; retry-after is tested with the fake clock
        Rpm = 0,
        Tpm = 0,
        MaxConcurrency = maxConcurrency,
        CircuitBreaker = new CircuitBreakerSettings { FailureRatio = 0.5, MinimumThroughput = minimumThroughput, SamplingSeconds = 60, BreakSeconds = 30 },
    };

    private ResilientChatClient CreateSut(EndpointOptions? endpoint = null) =>
        new(_inner, _pipelines.Create("default", endpoint ?? Endpoint()), "default");

    private static Task<ChatResponse> Ask(IChatClient client) => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

    private async Task<T> RunWithClock<T>(Task<T> task)
    {
        for (var i = 0; i < 1000 && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }
        return await task;
    }

    [Fact]
    public async Task GetResponseAsync_TransientFailuresThenSuccess_RetriesAndCountsAttempts()
    {
        _inner.Throw(FakePipelineResponse.Error(503)).Throw(FakePipelineResponse.Error(429)).Reply("{}");

        var response = await Ask(CreateSut());

        Assert.Equal(3, _inner.Requests.Count);
        Assert.Equal(3, response.AdditionalProperties![LlmCallProperties.AttemptsKey]);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task GetResponseAsync_TransientStatus_IsRetried(int status)
    {
        _inner.Throw(FakePipelineResponse.Error(status)).Reply("{}");
        await Ask(CreateSut());
        Assert.Equal(2, _inner.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_NetworkErrorAndTimeout_AreRetried()
    {
        _inner.Throw(new HttpRequestException("connection reset")).Throw(new Polly.Timeout.TimeoutRejectedException()).Reply("{}");
        var response = await Ask(CreateSut());
        Assert.Equal(3, response.AdditionalProperties![LlmCallProperties.AttemptsKey]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task GetResponseAsync_ClientError_IsNotRetried(int status)
    {
        _inner.Throw(FakePipelineResponse.Error(status)).Reply("{}");

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Ask(CreateSut()));

        Assert.Single(_inner.Requests);
        Assert.Equal(1, ex.Data[LlmCallProperties.AttemptsKey]);
    }

    [Fact]
    public async Task GetResponseAsync_ContentFilter400_BecomesContentFilterExceptionWithoutRetry()
    {
        var body = "{\"error\":{\"code\":\"content_filter\",\"message\":\"The response was filtered\"}}";
        _inner.Throw(FakePipelineResponse.Error(400, body: body, message: "HTTP 400 (invalid_request_error)")).Reply("{}");

        var ex = await Assert.ThrowsAsync<ContentFilterException>(() => Ask(CreateSut()));

        Assert.Single(_inner.Requests);
        Assert.IsType<ClientResultException>(ex.InnerException);
    }

    [Fact]
    public async Task GetResponseAsync_RetriesExhausted_ThrowsWithAttemptsInData()
    {
        for (var i = 0; i < 4; i++)
        {
            _inner.Throw(FakePipelineResponse.Error(503));
        }

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Ask(CreateSut(Endpoint(maxRetries: 3))));

        Assert.Equal(4, _inner.Requests.Count);
        Assert.Equal(4, ex.Data[LlmCallProperties.AttemptsKey]);
    }

    [Fact]
    public async Task DelayGenerator_RetryAfterMs_WinsOverRetryAfterAndBackoff()
    {
        var options = _pipelines.CreateRetryOptions("default", Endpoint());
        var ex = FakePipelineResponse.Error(429, new Dictionary<string, string> { ["retry-after-ms"] = "1500", ["retry-after"] = "20" });

        var delay = await GenerateDelay(options, ex);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), delay);
    }

    [Theory]
    [InlineData("7", 7_000)]
    [InlineData("Wed, 01 Jan 2025 00:00:12 GMT", 12_000)]
    [InlineData("100000", 120_000)] // capped
    public async Task DelayGenerator_RetryAfter_SecondsOrHttpDate(string retryAfter, double expectedMs)
    {
        var options = _pipelines.CreateRetryOptions("default", Endpoint());
        var delay = await GenerateDelay(options, FakePipelineResponse.Error(503, new Dictionary<string, string> { ["Retry-After"] = retryAfter }));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public async Task DelayGenerator_NoHeader_FallsBackToBackoff()
    {
        var options = _pipelines.CreateRetryOptions("default", Endpoint());
        Assert.Null(await GenerateDelay(options, FakePipelineResponse.Error(503)));
        Assert.Null(await GenerateDelay(options, new HttpRequestException("reset")));
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfterMs_WaitsThatLongOnTheClock()
    {
        _inner.Throw(FakePipelineResponse.Error(429, new Dictionary<string, string> { ["retry-after-ms"] = "2000" })).Reply("{}");

        var task = Ask(CreateSut());
        for (var i = 0; i < 19; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }
        Assert.Single(_inner.Requests); // 1.9 s later: still waiting
        await RunWithClock(task);
        Assert.Equal(2, _inner.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_CircuitOpens_ThenFailsFastWithoutCallingAndRecoversAfterBreak()
    {
        var sut = CreateSut(Endpoint(maxRetries: 0, minimumThroughput: 2));
        _inner.Throw(FakePipelineResponse.Error(503)).Throw(FakePipelineResponse.Error(503));
        await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));
        await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));

        await Assert.ThrowsAsync<BrokenCircuitException>(() => Ask(sut));
        Assert.Equal(2, _inner.Requests.Count); // failed fast

        _time.Advance(TimeSpan.FromSeconds(31));
        _inner.Reply("{}");
        await Ask(sut);
        Assert.Equal(3, _inner.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_ThrottledMoreOftenThanMaxRetries_KeepsHonouringRetryAfterUntilItSucceeds()
    {
        var throttled = new Dictionary<string, string> { ["retry-after-ms"] = "1000" };
        for (var i = 0; i < 6; i++)
        {
            _inner.Throw(FakePipelineResponse.Error(429, throttled));
        }
        _inner.Reply("{}");

        var response = await RunWithClock(Ask(CreateSut(Endpoint(maxRetries: 1))));

        Assert.Equal(7, response.AdditionalProperties![LlmCallProperties.AttemptsKey]);
    }

    [Fact]
    public async Task GetResponseAsync_EightConsecutive429sWithMaxRetriesFour_SucceedWithinTheDeadline()
    {
        var throttled = new Dictionary<string, string> { ["retry-after-ms"] = "2000" };
        for (var i = 0; i < 8; i++)
        {
            _inner.Throw(FakePipelineResponse.Error(429, throttled));
        }
        _inner.Reply("{}");
        var endpoint = Endpoint(maxRetries: 4);
        endpoint.ThrottleRetrySeconds = 20; // eight waits of 2 s fit; a count of 4 would have given up

        var response = await RunWithClock(Ask(CreateSut(endpoint)));

        Assert.Equal(9, response.AdditionalProperties![LlmCallProperties.AttemptsKey]);
    }

    [Fact]
    public async Task GetResponseAsync_ThrottledPastTheDeadline_GivesUpWithThe429()
    {
        var throttled = new Dictionary<string, string> { ["retry-after-ms"] = "2000" };
        for (var i = 0; i < 20; i++)
        {
            _inner.Throw(FakePipelineResponse.Error(429, throttled));
        }
        var endpoint = Endpoint(maxRetries: 10);
        endpoint.ThrottleRetrySeconds = 5;

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => RunWithClock(Ask(CreateSut(endpoint))));

        Assert.Equal(429, ex.Status);
        // First 429 at t=0, retries at 2 s and 4 s; at 6 s the five-second deadline has passed.
        Assert.Equal(4, _inner.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_A429Storm_NeverOpensTheCircuit()
    {
        var endpoint = Endpoint(maxRetries: 0, minimumThroughput: 2);
        endpoint.ThrottleRetrySeconds = 0;
        var sut = CreateSut(endpoint);
        for (var i = 0; i < 4; i++)
        {
            _inner.Throw(FakePipelineResponse.Error(429));
        }
        _inner.Reply("{}");

        for (var i = 0; i < 4; i++)
        {
            var ex = await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));
            Assert.Equal(429, ex.Status);
        }
        await Ask(sut);

        Assert.Equal(5, _inner.Requests.Count); // every call reached the endpoint: no BrokenCircuitException
    }

    [Fact]
    public void Create_EndpointWithoutQuota_SaysOnceWhatItAssumedAndHowToSetIt()
    {
        using var logs = new ReviewPanel.Tests.Support.CollectingLoggerProvider();
        using var factory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);
        using var pipelines = new ChatResiliencePipelineFactory(_time, factory);
        var unset = Endpoint();
        unset.Rpm = null;
        unset.Tpm = null;

        pipelines.Create("assumed", unset);
        pipelines.Create("configured", Endpoint());

        var warning = Assert.Single(logs.Entries, e => e.Id.Id == 4106);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("assuming 60 requests and 60000 tokens per minute", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ReviewPanel:Llm:Endpoints:assumed:Rpm", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Throttled_LogsOneInformationLineWithoutAStackTrace()
    {
        using var logs = new ReviewPanel.Tests.Support.CollectingLoggerProvider();
        using var factory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);
        using var pipelines = new ChatResiliencePipelineFactory(_time, factory);
        _inner.Throw(FakePipelineResponse.Error(429, new Dictionary<string, string> { ["retry-after-ms"] = "10" })).Reply("{}");

        await RunWithClock(Ask(new ResilientChatClient(_inner, pipelines.Create("default", Endpoint()), "default")));

        var line = Assert.Single(logs.Entries, e => e.Id.Id == 4105);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Theory]
    [InlineData(10, null, 3 + 1_000)]
    [InlineData(400, 150, 100 + 150)]
    public void TokenCharge_IsPromptCharactersOverFourPlusMaxTokens_AsAzureCountsOnArrival(int characters, int? maxTokens, int expected)
    {
        var charge = ResilientChatClient.TokenCharge([new ChatMessage(ChatRole.User, new string('x', characters))], new ChatOptions { MaxOutputTokens = maxTokens });

        Assert.Equal(expected, charge);
    }

    [Fact]
    public async Task GetResponseAsync_ClientErrors_DoNotOpenTheCircuit()
    {
        var sut = CreateSut(Endpoint(maxRetries: 0, minimumThroughput: 2));
        _inner.Throw(FakePipelineResponse.Error(400)).Throw(FakePipelineResponse.Error(400)).Reply("{}");
        await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));
        await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));
        await Ask(sut);
        Assert.Equal(3, _inner.Requests.Count);
    }

    [Fact]
    public async Task Reviewer_OverOpenCircuit_ReturnsFailedReviewWithClearMessage()
    {
        var sut = CreateSut(Endpoint(maxRetries: 0, minimumThroughput: 2));
        _inner.Throw(FakePipelineResponse.Error(503)).Throw(FakePipelineResponse.Error(503));
        await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));
        await Assert.ThrowsAsync<ClientResultException>(() => Ask(sut));
        var reviewer = new LlmReviewer(LlmTestData.Persona(), new ReviewPromptBuilder(LlmTestData.Rubric), sut, new LlmReviewerOptions { Deployment = "dep" });

        var review = await reviewer.ReviewAsync(LlmTestData.Profile(), CancellationToken.None);

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Contains("BrokenCircuitException", review.Error);
        Assert.Equal(0, review.Calls.Single().Attempts); // the pipeline never let a request out
    }

    [Fact]
    public async Task GetResponseAsync_ConcurrencyLimit_HoldsSecondCallUntilFirstEnds()
    {
        var release = new TaskCompletionSource<ChatResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inner.Step((_, _) => release.Task).Reply("{}");
        var sut = CreateSut(Endpoint(maxConcurrency: 1));

        var first = Ask(sut);
        var second = Ask(sut);
        await Task.Delay(50);
        Assert.Single(_inner.Requests);

        release.SetResult(FakeChatClient.Response("{}", ChatFinishReason.Stop));
        await Task.WhenAll(first, second);
        Assert.Equal(2, _inner.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_AttemptTimesOut_IsRetried()
    {
        _inner.Step(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }).Reply("{}");
        var endpoint = Endpoint();
        endpoint.TimeoutSeconds = 5;

        var response = await RunWithClock(Ask(CreateSut(endpoint)));

        Assert.Equal(2, response.AdditionalProperties![LlmCallProperties.AttemptsKey]);
    }

    private static async Task<TimeSpan?> GenerateDelay(RetryStrategyOptions options, Exception exception)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            return await options.DelayGenerator!(new RetryDelayGeneratorArguments<object>(context, Outcome.FromException<object>(exception), 0));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
