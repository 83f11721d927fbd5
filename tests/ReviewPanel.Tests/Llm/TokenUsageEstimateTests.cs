using Microsoft.Extensions.AI;
using ReviewPanel.Llm;
using ReviewPanel.Resilience;

namespace ReviewPanel.Tests.Llm;

public sealed class TokenUsageEstimateTests
{
    [Fact]
    public void Observe_FirstCountReplacesGuessThenMovesByAWeightedStep()
    {
        var estimate = new TokenUsageEstimate(5_000, 100_000);
        Assert.Equal(5_000, estimate.Current);

        estimate.Observe(3_000);
        Assert.Equal(3_000, estimate.Current);

        estimate.Observe(5_000);
        Assert.Equal(3_100, estimate.Current); // 3000 + 0.05 × 2000
    }

    [Fact]
    public void Observe_NonPositiveIgnoredAndChargeClampedToBucketCapacity()
    {
        var estimate = new TokenUsageEstimate(500, 1_000);
        estimate.Observe(0);
        estimate.Observe(-5);
        Assert.Equal(500, estimate.Current);

        estimate.Observe(50_000);
        Assert.Equal(1_000, estimate.Current);
    }

    // TPM 6 000 → 1 000 tokens per 10 s window. Each request is 400 characters (100 tokens) asking for at most 150
    // tokens back: the service charges 250 on arrival whatever the reply reports, so the window admits 4 calls. Replies
    // reporting far fewer tokens must not let the limiter admit more than the service would.
    [Theory]
    [InlineData(5, 5)]
    [InlineData(0, 0)]
    public async Task TpmLimiter_ChargesPromptPlusMaxTokensLikeTheService_WhateverTheReplyReports(long input, long output)
    {
        using var pipelines = new ChatResiliencePipelineFactory(TimeProvider.System);
        var endpoint = new EndpointOptions
        {
            Endpoint = new Uri("https://example.openai.azure.com/"),
            Deployment = "dep",
            MaxRetries = 0,
            Rpm = 0,
            Tpm = 6_000,
            EstimatedTokensPerCall = 500,
            MaxConcurrency = 0,
        };
        var inner = new FakeChatClient();
        for (var i = 0; i < 10; i++)
        {
            inner.Reply("{}", input: input, output: output);
        }
        var pipeline = pipelines.Create("tpm", endpoint);
        var client = new ResilientChatClient(inner, pipeline, "tpm", tokenEstimate: pipelines.TokenEstimate("tpm"));
        var request = new ChatMessage(ChatRole.User, new string('x', 400));

        var done = 0;
        for (var i = 0; i < 8; i++)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
            try
            {
                await client.GetResponseAsync([request], new ChatOptions { MaxOutputTokens = 150 }, wait.Token);
                done++;
            }
            catch (OperationCanceledException)
            {
                break; // the bucket is empty until the next 10 s window
            }
        }

        Assert.Equal(4, done);
    }
}
