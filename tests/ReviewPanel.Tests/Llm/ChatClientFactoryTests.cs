using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ReviewPanel.Llm;
using ReviewPanel.Resilience;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

/// <summary>The real SDK clients over an in-process HTTP handler: what goes on the wire, and that only Polly retries.</summary>
public sealed class ChatClientFactoryTests : IDisposable
{
    private const string Key = "sk-SECRET-123";
    private readonly FakeHttpHandler _http = new();
    private readonly HttpClient _httpClient;
    private readonly ChatResiliencePipelineFactory _pipelines = new(TimeProvider.System);

    public ChatClientFactoryTests() => _httpClient = new HttpClient(_http);

    public void Dispose()
    {
        _pipelines.Dispose();
        _httpClient.Dispose();
    }

    private ChatClientFactory CreateSut(EndpointOptions endpoint) => new(
        Options.Create(new LlmOptions { Endpoints = { ["default"] = endpoint } }),
        _pipelines,
        loggerFactory: null,
        new HttpClientPipelineTransport(_httpClient));

    private static EndpointOptions Azure() => new()
    {
        Provider = LlmProviders.AzureOpenAI,
        Endpoint = new Uri("https://example.openai.azure.com/"),
        Deployment = "gpt-4o-review",
        ApiKey = Key,
        MaxRetries = 2,
        RetryBaseDelayMs = 0,
    };

    private static LlmReviewer Reviewer(IChatClient client) => new(
        LlmTestData.Persona(), new ReviewPromptBuilder(LlmTestData.Rubric), client, new LlmReviewerOptions { Deployment = "gpt-4o-review" });

    [Fact]
    public async Task AzureClient_429ThenOk_OnePollyRetryAndTheProtocolOnTheWire()
    {
        _http.Respond(HttpStatusCode.TooManyRequests, "{\"error\":{\"code\":\"429\",\"message\":\"Rate limit\"}}", ("retry-after-ms", "1"))
             .Respond(HttpStatusCode.OK, FakeHttpHandler.Completion(LlmTestData.GoodReply()));
        var client = CreateSut(Azure()).GetClient();

        var review = await Reviewer(client).ReviewAsync(LlmTestData.Profile(), CancellationToken.None);

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Equal(2, _http.Requests.Count); // the SDK did not retry on its own
        var call = review.Calls.Single();
        Assert.Equal(2, call.Attempts);
        Assert.Equal("gpt-4o-2024-08-06", call.Model);
        Assert.Equal((1234, 56), (call.InputTokens, call.OutputTokens));

        var (method, uri, headers, body) = _http.Requests[1];
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("/openai/deployments/gpt-4o-review/chat/completions", uri.AbsolutePath);
        Assert.Contains("api-version=2024-10-21", uri.Query);
        Assert.Equal(Key, headers["api-key"]);
        using var json = JsonDocument.Parse(body);
        var format = json.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("review", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        var dimensionEnum = format.GetProperty("json_schema").GetProperty("schema")
            .GetProperty("properties").GetProperty("scores").GetProperty("items").GetProperty("properties").GetProperty("dimension").GetProperty("enum");
        Assert.Equal(["accuracy", "specificity"], dimensionEnum.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, json.RootElement.GetProperty("temperature").GetDouble());
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task AzureClient_Unauthorized_FailsOnceWithoutLeakingTheKey()
    {
        _http.Respond(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key.\"}}");
        var client = CreateSut(Azure()).GetClient();

        var review = await Reviewer(client).ReviewAsync(LlmTestData.Profile(), CancellationToken.None);

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Single(_http.Requests);
        Assert.Contains("401", review.Error);
        Assert.DoesNotContain(Key, review.Error);
    }

    [Fact]
    public async Task AzureClient_ContentFilter400_IsReaskedNotRetried()
    {
        var filtered = "{\"error\":{\"code\":\"content_filter\",\"message\":\"The response was filtered due to the prompt triggering content management policy.\",\"status\":400}}";
        _http.Respond(HttpStatusCode.BadRequest, filtered)
             .Respond(HttpStatusCode.OK, FakeHttpHandler.Completion(LlmTestData.GoodReply()));
        var client = CreateSut(Azure()).GetClient();

        var review = await Reviewer(client).ReviewAsync(LlmTestData.Profile(), CancellationToken.None);

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Equal(2, _http.Requests.Count);
        Assert.Contains("Your reply was rejected:", _http.Requests[1].Body);
        Assert.Equal(["content_filter", "stop"], review.Calls.Single().FinishReasons);
    }

    [Fact]
    public async Task OpenAICompatibleClient_PostsToBaseUrlWithModelAndBearerKey()
    {
        _http.Respond(HttpStatusCode.OK, FakeHttpHandler.Completion("{\"ok\":true}", model: "local-model"));
        var endpoint = new EndpointOptions
        {
            Provider = LlmProviders.OpenAICompatible,
            Endpoint = new Uri("http://127.0.0.1:9999/v1"),
            Model = "local-model",
            ApiKey = Key,
        };

        var response = await CreateSut(endpoint).GetClient().GetResponseAsync("hello");

        var (_, uri, headers, body) = _http.Requests.Single();
        Assert.Equal("/v1/chat/completions", uri.AbsolutePath);
        Assert.Equal($"Bearer {Key}", headers["authorization"]);
        Assert.Equal("local-model", JsonDocument.Parse(body).RootElement.GetProperty("model").GetString());
        Assert.Equal(1, response.AdditionalProperties![LlmCallProperties.AttemptsKey]);
    }

    [Fact]
    public void GetClient_SameEndpoint_SharesOneClientAndItIsResilient()
    {
        var factory = CreateSut(Azure());
        var client = factory.GetClient();
        Assert.Same(client, factory.GetClient("default"));
        Assert.NotNull(client.GetService<ResilientChatClient>());
    }

    [Fact]
    public void GetClient_UnknownEndpoint_ClearError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CreateSut(Azure()).GetClient("westus"));
        Assert.Contains("No LLM endpoint named 'westus'", ex.Message);
        Assert.Contains("configured: default", ex.Message);
    }
}
