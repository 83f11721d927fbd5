using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Emulator;

namespace ReviewPanel.Tests.Emulator;

/// <summary>What crosses the wire: reply and error shapes against the Azure spec, authentication, routes, headers.</summary>
public sealed class EmulatorWireTests
{
    [Theory]
    [InlineData("high")]
    [InlineData("low")]
    [InlineData("hallucinate")]
    [InlineData("obey-injection")]
    [InlineData("detect-injection")]
    [InlineData("malformed")]
    [InlineData("schema-broken")]
    [InlineData("refusal")]
    [InlineData("length")]
    public async Task ChatCompletion_AnyAnsweringPolicy_ReplyValidatesAgainstSpec(string policy)
    {
        await using var server = await StartAsync(new DeploymentBehavior { Policy = EmulatorPolicyNames.Parse(policy) });
        using var client = new EmulatorClient(server);

        var reply = await client.AzureAsync("gpt", ReviewRequests.Review(ReviewRequests.InjectedProfile));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ChatCompletionResponse, reply.Body));
    }

    [Theory]
    [InlineData("status-429", 429)]
    [InlineData("status-500", 500)]
    [InlineData("status-503", 503)]
    [InlineData("content-filter", 400)]
    public async Task ChatCompletion_ErrorPolicy_AnswersItsStatusWithSpecErrorBody(string policy, int status)
    {
        await using var server = await StartAsync(new DeploymentBehavior { Policy = EmulatorPolicyNames.Parse(policy) });
        using var client = new EmulatorClient(server);

        var reply = await client.AzureAsync("gpt", ReviewRequests.Review(ReviewRequests.CleanProfile));

        Assert.Equal(status, (int)reply.Status);
        Assert.Empty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ErrorResponse, reply.Body));
        Assert.False(string.IsNullOrEmpty(reply.Json["error"]!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ChatCompletion_ClientMistakes_AnswerAzureErrorsThatValidate()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RejectUnknownDeployments = true });
        server.Configure("known", new DeploymentBehavior());
        using var client = new EmulatorClient(server);
        var body = ReviewRequests.Review(ReviewRequests.CleanProfile);

        var wrongKey = await client.AzureAsync("known", body, apiKey: "not-the-key");
        var noVersion = await client.AzureAsync("known", body, apiVersion: null);
        var badVersion = await client.AzureAsync("known", body, apiVersion: "yesterday");
        var noMessages = await client.AzureAsync("known", new JsonObject { ["messages"] = new JsonArray() });
        var roleless = await client.AzureAsync("known", new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["content"] = "hi" }) });
        var unknown = await client.AzureAsync("unknown", body);
        var known = await client.AzureAsync("known", body);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.Status);
        Assert.Equal(HttpStatusCode.NotFound, noVersion.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noMessages.Status);
        Assert.Equal(HttpStatusCode.BadRequest, roleless.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("DeploymentNotFound", unknown.Json["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, known.Status);
        foreach (var error in new[] { wrongKey, noVersion, badVersion, noMessages, roleless, unknown })
        {
            Assert.Empty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ErrorResponse, error.Body));
        }
    }

    [Fact]
    public async Task ChatCompletion_BodyThatIsNotJson_Answers400()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/deployments/gpt/chat/completions?api-version=2024-10-21")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-key", server.ApiKey);

        var reply = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Empty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ErrorResponse, reply.Body));
    }

    [Fact]
    public async Task ChatCompletion_Reply_CarriesIdTimeModelAndCharacterBasedUsage()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = clock, Default = new() { Model = "gpt-4o-mini" } });
        using var client = new EmulatorClient(server);
        var body = ReviewRequests.Review(ReviewRequests.CleanProfile);
        var promptChars = body["messages"]!.AsArray().Sum(m => m!["content"]!.GetValue<string>().Length);

        var reply = await client.AzureAsync("my-deployment", body);

        var json = reply.Json;
        Assert.StartsWith("chatcmpl-", json["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", json["object"]!.GetValue<string>());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), json["created"]!.GetValue<long>());
        Assert.Equal("gpt-4o-mini", json["model"]!.GetValue<string>());
        Assert.Equal("assistant", json["choices"]![0]!["message"]!["role"]!.GetValue<string>());
        Assert.Equal((promptChars + 3) / 4, json["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal((reply.Content!.Length + 3) / 4, json["usage"]!["completion_tokens"]!.GetValue<int>());
        Assert.Equal(
            json["usage"]!["prompt_tokens"]!.GetValue<int>() + json["usage"]!["completion_tokens"]!.GetValue<int>(),
            json["usage"]!["total_tokens"]!.GetValue<int>());
        Assert.NotNull(json["prompt_filter_results"]);
    }

    [Fact]
    public async Task ChatCompletion_BearerTokenOnAzureRoute_IsAccepted()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ApiKey = "k-123" });
        using var client = new EmulatorClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/deployments/gpt/chat/completions?api-version=2024-10-21")
        {
            Content = new StringContent(ReviewRequests.Review(ReviewRequests.CleanProfile).ToJsonString()),
        };
        request.Headers.Authorization = new("Bearer", "k-123");

        var reply = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Status429_CarriesRetryAfterHeaders()
    {
        await using var server = await StartAsync(new DeploymentBehavior { Policy = EmulatorPolicy.Status429, RetryAfterMs = 1500 });
        using var client = new EmulatorClient(server);

        var reply = await client.AzureAsync("gpt", ReviewRequests.Review(ReviewRequests.CleanProfile));

        Assert.Equal(HttpStatusCode.TooManyRequests, reply.Status);
        Assert.Equal("1500", reply.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("2", reply.Headers.GetValues("retry-after").Single());
        Assert.Equal("429", reply.Json["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ContentFilter_ExplainsTheFilteredCategoryInBothInnerErrorSpellings()
    {
        await using var server = await StartAsync(new DeploymentBehavior { Policy = EmulatorPolicy.ContentFilter });
        using var client = new EmulatorClient(server);

        var error = (await client.AzureAsync("gpt", ReviewRequests.Review(ReviewRequests.CleanProfile))).Json["error"]!;

        Assert.Equal("content_filter", error["code"]!.GetValue<string>());
        Assert.Equal("prompt", error["param"]!.GetValue<string>());
        Assert.Equal("ResponsibleAIPolicyViolation", error["innererror"]!["code"]!.GetValue<string>());
        Assert.True(error["innererror"]!["content_filter_result"]!["violence"]!["filtered"]!.GetValue<bool>());
        Assert.True(error["inner_error"]!["content_filter_results"]!["violence"]!["filtered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OpenAiRoute_TakesDeploymentFromModelAndOnlyABearerKey()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(server);
        var body = ReviewRequests.Review(ReviewRequests.CleanProfile, model: "gpt-4o-mini");

        var ok = await client.OpenAiAsync(body);
        var wrong = await client.OpenAiAsync(body, bearer: "nope");
        using var apiKeyOnly = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(body.ToJsonString()) };
        apiKeyOnly.Headers.Add("api-key", server.ApiKey);
        var azureStyle = await client.SendAsync(apiKeyOnly);

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("gpt-4o-mini", ok.Json["model"]!.GetValue<string>());
        Assert.Null(ok.Json["prompt_filter_results"]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("invalid_api_key", wrong.Json["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, azureStyle.Status);
        Assert.Equal(3, server.RequestCount("gpt-4o-mini"));
    }

    [Fact]
    public async Task ChatCompletion_StreamRequested_IsRefusedWith400()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(server);
        var body = ReviewRequests.Review(ReviewRequests.CleanProfile);
        body["stream"] = true;

        var reply = await client.AzureAsync("gpt", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_Throws()
    {
        await Assert.ThrowsAsync<System.ComponentModel.DataAnnotations.ValidationException>(
            () => EmulatorServer.StartAsync(new EmulatorOptions { Default = new() { Rate429 = 1.5 } }));
    }

    private static Task<EmulatorServer> StartAsync(DeploymentBehavior behavior) =>
        EmulatorServer.StartAsync(new EmulatorOptions { Default = behavior, Seed = 7 });
}
