using System.Text.Json.Nodes;

namespace ReviewPanel.Tests.Emulator;

/// <summary>The spec-to-JSON-Schema helper must accept what the spec allows and reject what it does not, or the wire
/// tests that lean on it prove nothing.</summary>
public sealed class AzureOpenAiSpecTests
{
    [Fact]
    public void Validate_SpecExampleReply_IsValid()
    {
        var example = JsonNode.Parse(File.ReadAllText(AzureOpenAiSpec.SpecPath("azure-openai-example-chat-completions.json")))!;
        var reply = example["responses"]!["200"]!["body"]!.DeepClone().AsObject();
        reply["object"] = "chat.completion";
        reply["model"] = "gpt-4o";
        reply["choices"]![0]!["logprobs"] = null;
        reply["choices"]![0]!["message"]!["refusal"] = null;

        Assert.Empty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ChatCompletionResponse, reply.ToJsonString()));
    }

    [Fact]
    public void Validate_ReplyWithoutChoices_ReportsTheMissingProperty()
    {
        const string reply = """{"id":"chatcmpl-1","created":1,"model":"m","object":"chat.completion"}""";

        var errors = AzureOpenAiSpec.Validate(AzureOpenAiSpec.ChatCompletionResponse, reply);

        Assert.Contains(errors, e => e.Contains("choices", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"content":null,"refusal":null,"role":"assistant"}""", true)]
    [InlineData("""{"content":"hi","refusal":null,"role":"assistant"}""", true)]
    [InlineData("""{"content":"hi","refusal":null,"role":"user"}""", false)]
    [InlineData("""{"content":"hi","role":"assistant"}""", false)]
    public void Validate_MessageNullability_FollowsTheSpecsNullableFlags(string message, bool valid)
    {
        var reply = $$"""{"id":"x","created":1,"model":"m","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","logprobs":null,"message":{{message}}}]}""";

        Assert.Equal(valid, AzureOpenAiSpec.Validate(AzureOpenAiSpec.ChatCompletionResponse, reply).Count == 0);
    }

    [Fact]
    public void Validate_ErrorWithNullParam_IsRejectedBecauseTheSpecTypesItAsString()
    {
        Assert.Empty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ErrorResponse, """{"error":{"code":"429","message":"slow down"}}"""));
        Assert.NotEmpty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ErrorResponse, """{"error":{"code":"429","message":"m","param":null}}"""));
        Assert.NotEmpty(AzureOpenAiSpec.Validate(AzureOpenAiSpec.ErrorResponse, """{"error":{"code":"x","inner_error":{"code":"Unknown"}}}"""));
    }
}
