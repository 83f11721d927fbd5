using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Emulator;

namespace ReviewPanel.Tests.Emulator;

/// <summary>Scripts, fault rates, latency, hangs, counters and the request log.</summary>
public sealed class EmulatorBehaviourTests
{
    private static readonly JsonObject Body = ReviewRequests.Review(ReviewRequests.CleanProfile);

    [Fact]
    public async Task Script_IsConsumedInOrderBeforeThePolicyApplies()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        server.Configure("gpt", new DeploymentBehavior
        {
            Policy = EmulatorPolicy.Low,
            Script = EmulatorPolicyNames.ParseScript("status-429", "status-503", "high"),
        });
        using var client = new EmulatorClient(server);

        var replies = new List<EmulatorClient.Reply>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await client.AzureAsync("gpt", Body));
        }

        Assert.Equal([429, 503, 200, 200], replies.Select(r => (int)r.Status));
        Assert.Equal(5, replies[2].ContentJson["scores"]![0]!["score"]!.GetValue<int>());
        Assert.Equal(2, replies[3].ContentJson["scores"]![0]!["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task Script_BelongsToItsDeploymentOnly()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        server.Configure("flaky", new DeploymentBehavior { Script = [EmulatorPolicy.Status500] });
        using var client = new EmulatorClient(server);

        var steady = await client.AzureAsync("steady", Body);
        var flaky = await client.AzureAsync("flaky", Body);
        var flakyAgain = await client.AzureAsync("flaky", Body);

        Assert.Equal(HttpStatusCode.OK, steady.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, flaky.Status);
        Assert.Equal(HttpStatusCode.OK, flakyAgain.Status);
    }

    [Fact]
    public async Task FaultRates_OfOne_FailEveryUnscriptedRequest()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 3 });
        server.Configure("throttled", new DeploymentBehavior { Rate429 = 1 });
        server.Configure("broken", new DeploymentBehavior { Rate5xx = 1 });
        server.Configure("scripted", new DeploymentBehavior { Rate429 = 1, Script = [EmulatorPolicy.High] });
        using var client = new EmulatorClient(server);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.AzureAsync("throttled", Body)).Status);
            Assert.Contains((int)(await client.AzureAsync("broken", Body)).Status, new[] { 500, 503 });
        }

        Assert.Equal(HttpStatusCode.OK, (await client.AzureAsync("scripted", Body)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.AzureAsync("scripted", Body)).Status);
        Assert.Equal(4, server.StatusCount(500) + server.StatusCount(503));
    }

    [Fact]
    public async Task FaultRates_SameSeed_RepeatTheSameSequence()
    {
        async Task<int[]> RunAsync()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 42, Default = new() { Rate429 = 0.5 } });
            using var client = new EmulatorClient(server);
            var statuses = new int[16];
            for (var i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (int)(await client.AzureAsync("gpt", Body)).Status;
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(429, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Latency_HoldsTheReplyUntilTheClockHasMoved()
    {
        var clock = new FakeTimeProvider();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = clock, Default = new() { LatencyMs = 5_000 } });
        using var client = new EmulatorClient(server);

        var pending = client.AzureAsync("gpt", Body);
        await WaitUntilAsync(() => server.RequestCount() == 1);
        await Task.Delay(100);
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, (await pending).Status);
    }

    [Fact]
    public async Task Hang_ClientTimeoutCancelsAndTheServerKeepsServing()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        server.Configure("gpt", new DeploymentBehavior { Script = [EmulatorPolicy.Hang] });
        using var client = new EmulatorClient(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.AzureAsync("gpt", Body, ct: timeout.Token));
        var next = await client.AzureAsync("gpt", Body);

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(2, server.RequestCount("gpt"));
        Assert.Equal(1, server.StatusCount(200));
    }

    [Fact]
    public async Task Dispose_WithAHangingRequest_StopsPromptly()
    {
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { Default = new() { Policy = EmulatorPolicy.Hang } });
        using var client = new EmulatorClient(server);
        var pending = client.AzureAsync("gpt", Body);
        await WaitUntilAsync(() => server.RequestCount() == 1);

        var dispose = server.DisposeAsync().AsTask();

        Assert.Same(dispose, await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(10))));
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task Counters_CountRequestsPerDeploymentAndAnswersPerStatus()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        server.Configure("b", new DeploymentBehavior { Policy = EmulatorPolicy.Status429 });
        using var client = new EmulatorClient(server);

        await client.AzureAsync("a", Body);
        await client.AzureAsync("a", Body);
        await client.AzureAsync("b", Body);
        await client.AzureAsync("a", Body, apiKey: "wrong");

        Assert.Equal(4, server.RequestCount());
        Assert.Equal(3, server.RequestCount("a"));
        Assert.Equal(1, server.RequestCount("b"));
        Assert.Equal(0, server.RequestCount("c"));
        Assert.Equal(2, server.StatusCount(200));
        Assert.Equal(1, server.StatusCount(429));
        Assert.Equal(1, server.StatusCount(401));

        var stats = JsonNode.Parse(await client.GetStringAsync("_emulator/stats"))!;
        Assert.Equal(4, stats["requests"]!.GetValue<int>());
        Assert.Equal(3, stats["byDeployment"]!["a"]!.GetValue<int>());
        Assert.Equal(2, stats["byStatus"]!["200"]!.GetValue<int>());

        server.Reset();
        Assert.Equal(0, server.RequestCount());
        Assert.Equal(0, server.StatusCount(200));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Requests_LogPathHeadersAndBodyButNeverTheKey()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ApiKey = "secret-key-1" });
        using var client = new EmulatorClient(server);

        await client.AzureAsync("gpt", Body);

        var logged = Assert.Single(server.Requests);
        Assert.Equal("gpt", logged.Deployment);
        Assert.Equal("/openai/deployments/gpt/chat/completions?api-version=2024-10-21", logged.Path);
        Assert.Equal(Body.ToJsonString(), logged.Body);
        Assert.False(logged.Headers.ContainsKey("api-key"));
        Assert.DoesNotContain(logged.Headers.Values, v => v.Contains("secret-key-1", StringComparison.Ordinal));
        Assert.True(logged.Headers.ContainsKey("Content-Type"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
