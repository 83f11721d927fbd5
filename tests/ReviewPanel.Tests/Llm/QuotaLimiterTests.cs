using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Resilience;

namespace ReviewPanel.Tests.Llm;

/// <summary>
/// The endpoint's RPM/TPM limiters on a fake clock: what an admission costs, how replies correct it, and how the
/// service's remaining counts slow it down. No test waits on the wall clock.
/// </summary>
public sealed class QuotaLimiterTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly EndpointStatus _status = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose() => _owned.ForEach(d => d.Dispose());

    // 1 000 tokens per 10 s window: 100 tokens a second.
    private QuotaLimiter CreateSut(int perWindow = 1_000)
    {
        var sut = new QuotaLimiter("TPM", perWindow, perWindow, _time, _status);
        _owned.Add(sut);
        return sut;
    }

    /// <summary>Admits calls until one has to wait; returns how many were admitted and the one waiting.</summary>
    private static async Task<(int Admitted, Task<System.Threading.RateLimiting.RateLimitLease> Waiting)> AdmitWhileFree(QuotaLimiter sut, int charge)
    {
        var admitted = 0;
        while (true)
        {
            var lease = sut.AcquireAsync(charge, CancellationToken.None);
            if (!lease.IsCompleted)
            {
                return (admitted, lease.AsTask());
            }
            Assert.True((await lease).IsAcquired);
            admitted++;
        }
    }

    [Theory]
    [InlineData(600, 1)]          // RPM 600, one request a call
    [InlineData(2_000_000, 6_000)] // TPM 2M, a 6 000-token call
    [InlineData(200_000, 6_000)]   // a tight TPM
    public void SizedBucket_NeverAdmitsMoreThanASlidingMinuteOrTenSecondsAllow_AndUsesMostOfTheQuota(int perMinute, int charge)
    {
        var (perWindow, capacity) = QuotaLimiter.SizeFor(perMinute, largestCharge: charge);
        var sut = new QuotaLimiter("TPM", perWindow, capacity, _time, _status);
        _owned.Add(sut);
        var admitted = new List<TimeSpan>();
        var start = _time.GetUtcNow();
        Task? pending = null;
        var step = TimeSpan.FromMilliseconds(50);
        for (var t = TimeSpan.Zero; t < TimeSpan.FromMinutes(5); t += step)
        {
            // A caller that always has the next call ready: as fast as the bucket lets it. A held call counts as
            // admitted at the step that sees it granted (at most one step late, which only shrinks the windows' counts
            // by one call at most; the bounds below allow for it).
            if (pending is { IsCompleted: true })
            {
                admitted.Add(_time.GetUtcNow() - start);
                pending = null;
            }
            while (pending is null)
            {
                var lease = sut.AcquireAsync(charge, CancellationToken.None);
                if (lease.IsCompleted)
                {
                    admitted.Add(_time.GetUtcNow() - start);
                    continue;
                }
                pending = lease.AsTask();
            }
            _time.Advance(step);
        }

        double MostIn(TimeSpan window) => admitted.Max(at => admitted.Count(x => x >= at && x < at + window)) * (double)charge;
        Assert.True(MostIn(TimeSpan.FromSeconds(60)) <= perMinute, $"{MostIn(TimeSpan.FromSeconds(60))} admitted in a minute, quota {perMinute}");
        Assert.True(MostIn(TimeSpan.FromSeconds(10)) <= perMinute / 6.0 + charge, $"{MostIn(TimeSpan.FromSeconds(10))} in 10 s, quota {perMinute / 6.0}");
        // The last four minutes (the first starts with a full bucket): at least 95% of the quota.
        var used = admitted.Count(x => x >= TimeSpan.FromMinutes(1)) * (double)charge / 4;
        Assert.True(used >= 0.95 * perMinute - charge, $"used {used:0} of {perMinute} per minute");
    }

    [Fact]
    public async Task AcquireAsync_ChargesEachAdmission_HoldsTheNextUntilTheBucketRefilled()
    {
        var sut = CreateSut();
        Assert.True((await sut.AcquireAsync(250, CancellationToken.None)).IsAcquired);
        Assert.True((await sut.AcquireAsync(250, CancellationToken.None)).IsAcquired);
        Assert.True((await sut.AcquireAsync(250, CancellationToken.None)).IsAcquired);
        Assert.True((await sut.AcquireAsync(250, CancellationToken.None)).IsAcquired);

        var fifth = sut.AcquireAsync(250, CancellationToken.None).AsTask();
        Assert.False(fifth.IsCompleted);
        Assert.Equal(["TPM"], _status.Waiting);
        _time.Advance(TimeSpan.FromMilliseconds(2_400)); // 240 tokens back: not enough
        Assert.False(fifth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True((await fifth).IsAcquired);
        Assert.Empty(_status.Waiting);
        Assert.Equal(0, sut.Available, 3);
    }

    [Fact]
    public async Task AcquireAsync_WaitersAreServedInOrder_ALargeHeadIsNotOvertakenBySmallCalls()
    {
        var sut = CreateSut();
        await sut.AcquireAsync(1_000, CancellationToken.None);
        var large = sut.AcquireAsync(800, CancellationToken.None).AsTask();
        var small = sut.AcquireAsync(100, CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(2)); // 200 tokens: enough for the small one, but it queued second
        Assert.False(small.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.True((await large).IsAcquired);
        Assert.False(small.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await small).IsAcquired);
    }

    [Fact]
    public async Task Adjust_GivingBackAReservation_AdmitsTheWaitingCallAtOnce()
    {
        var sut = CreateSut();
        var (admitted, waiting) = await AdmitWhileFree(sut, 250);
        Assert.Equal(4, admitted);

        sut.Adjust(-250);

        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public async Task Adjust_ChargingMoreThanReserved_LeavesADebtThatDelaysTheNextAdmission()
    {
        var sut = CreateSut();
        await sut.AcquireAsync(1_000, CancellationToken.None);
        sut.Adjust(500); // the reply reported 500 more prompt tokens than estimated

        var next = sut.AcquireAsync(100, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5.9));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task Observe_ServiceReportsFewerRemainingThanTheBucketHolds_HoldsAdmissionsUntilItCanHaveRefilled()
    {
        var sut = CreateSut();

        sut.Observe(100); // another client of the deployment used most of the window

        var held = sut.AcquireAsync(250, CancellationToken.None).AsTask();
        Assert.False(held.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1_490));
        Assert.False(held.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True((await held).IsAcquired);
    }

    [Fact]
    public void Observe_ServiceReportsMoreRemaining_TheLocalCountStands()
    {
        var sut = CreateSut();
        Assert.True(sut.AcquireAsync(600, CancellationToken.None).IsCompleted);

        sut.Observe(90_000);

        Assert.Equal(400, sut.Available, 3);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_LeavesTheQueueAndTheStatus()
    {
        var sut = CreateSut();
        await sut.AcquireAsync(1_000, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = sut.AcquireAsync(500, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, sut.Queued);
        Assert.Empty(_status.Waiting);
    }

    // Through the chat client: a 400-character prompt (100 tokens estimated) asking for at most 150 tokens is charged
    // 250 at admission; the reply reports 40 prompt tokens, so 60 come back and the max_tokens part stays charged.
    [Fact]
    public async Task ResilientChatClient_ReplyReportsFewerPromptTokens_GivesBackTheDifferenceOnly()
    {
        using var pipelines = new ChatResiliencePipelineFactory(_time, status: _status);
        var pipeline = pipelines.Create("tpm", Endpoint(tpm: 6_000));
        var quota = pipelines.Quota("tpm")!;
        var inner = new FakeChatClient().Reply("{}", input: 40, output: 5);
        var client = new ResilientChatClient(inner, pipeline, "tpm", quota: quota);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, new string('x', 400))], new ChatOptions { MaxOutputTokens = 150 });

        Assert.Equal(1_000 - 250 + 60, quota.Tokens!.Available, 3);
        Assert.Equal(0, quota.Requests!.Available, 3); // RPM 6: one request per 10 s window, and it was used
    }

    [Fact]
    public async Task ResilientChatClient_ThrottledAttempt_IsGivenBackAndOnlyTheSuccessfulOneStaysCharged()
    {
        using var pipelines = new ChatResiliencePipelineFactory(_time);
        var endpoint = Endpoint(tpm: 6_000, rpm: 600);
        var pipeline = pipelines.Create("tpm", endpoint);
        var quota = pipelines.Quota("tpm")!;
        var inner = new FakeChatClient().Throw(FakePipelineResponse.Error(429, new Dictionary<string, string> { ["retry-after-ms"] = "0" })).Reply("{}", input: 100, output: 5);
        var client = new ResilientChatClient(inner, pipeline, "tpm", quota: quota);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, new string('x', 400))], new ChatOptions { MaxOutputTokens = 150 });

        Assert.Equal(2, inner.Requests.Count);
        Assert.Equal(1_000 - 250, quota.Tokens!.Available, 3);
        Assert.Equal(QuotaLimiter.SizeFor(600, largestCharge: 1).Capacity - 1, quota.Requests!.Available, 3); // the 429 was given back
    }

    // The real Azure OpenAI SDK client: the response headers reach the limiters through the pipeline policy.
    [Fact]
    public async Task ChatClientFactory_RemainingHeadersOnAReply_LowerTheEndpointsLimiters()
    {
        var http = new FakeHttpHandler().Respond(HttpStatusCode.OK, FakeHttpHandler.Completion("{}"),
            ("x-ratelimit-remaining-requests", "1"), ("x-ratelimit-remaining-tokens", "120"));
        using var httpClient = new HttpClient(http);
        using var pipelines = new ChatResiliencePipelineFactory(_time);
        var endpoint = Endpoint(tpm: 2_000_000, rpm: 600); // buckets that believe more is left than the headers say
        endpoint.ApiKey = "key";
        using var factory = new ChatClientFactory(Options.Create(new LlmOptions { Endpoints = { ["default"] = endpoint } }), pipelines, null,
            new HttpClientPipelineTransport(httpClient));

        await factory.GetClient().GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        var quota = pipelines.Quota("default")!;
        Assert.True(QuotaLimiter.SizeFor(600, largestCharge: 1).Capacity - 1 > 1, "the bucket must believe more is left than the header says");
        Assert.Equal(1, quota.Requests!.Available, 3);
        Assert.Equal(120, quota.Tokens!.Available, 3);
        Assert.False(quota.Tokens.AcquireAsync(1_000, CancellationToken.None).IsCompleted); // held until the window refills
    }

    [Fact]
    public async Task CircuitOpens_TheEndpointStatusSaysForHowLong_AndAThrottleStormNeverOpensIt()
    {
        var status = new EndpointStatus(_time);
        using var pipelines = new ChatResiliencePipelineFactory(_time, status: status);
        var endpoint = Endpoint(tpm: 0, rpm: 0);
        endpoint.ThrottleRetrySeconds = 0;
        endpoint.CircuitBreaker = new CircuitBreakerSettings { FailureRatio = 0.5, MinimumThroughput = 2, SamplingSeconds = 60, BreakSeconds = 30 };
        var inner = new FakeChatClient();
        for (var i = 0; i < 4; i++)
        {
            inner.Throw(FakePipelineResponse.Error(429));
        }
        for (var i = 0; i < 4; i++)
        {
            inner.Throw(FakePipelineResponse.Error(503));
        }
        var client = new ResilientChatClient(inner, pipelines.Create("default", endpoint), "default");
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        }
        Assert.Null(status.OpenFor);

        // The 429s counted as successes for the breaker: four 5xx make half of eight calls fail, which opens it.
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), status.OpenFor);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(status.OpenFor); // the next call is the half-open probe: new work may start
    }

    private static EndpointOptions Endpoint(int tpm, int rpm = 6) => new()
    {
        Endpoint = new Uri("https://example.openai.azure.com/"),
        Deployment = "dep",
        MaxRetries = 0,
        RetryBaseDelayMs = 0,
        Rpm = rpm,
        Tpm = tpm,
        EstimatedTokensPerCall = 500,
        MaxConcurrency = 0,
    };
}
