using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewPanel.Emulator.Replies;

namespace ReviewPanel.Emulator.Wire;

/// <summary>Turns one request and the behaviour chosen for it into the HTTP answer (everything but <c>hang</c>).</summary>
internal sealed class CompletionResponder(TimeProvider time, Func<int, string> randomAlphanumeric)
{
    private const string RefusalText = "I'm sorry, but I can't assist with that request.";
    private const string MalformedText =
        "Sure! Overall this profile reads well. I would rate accuracy a 4 and specificity a 3, mainly because the skills are generic.";

    private static readonly JsonSerializerOptions Compact = WireJson.Options;

    private readonly PromptCache _cache = new();

    public WireReply Respond(ChatCall call, EmulatorPolicy step, DeploymentBehavior behavior) => step switch
    {
        EmulatorPolicy.Status429 => WireErrors.TooManyRequests(call.Flavor, call.ApiVersion, behavior.RetryAfterMs),
        EmulatorPolicy.Status500 => WireErrors.ServerError(call.Flavor),
        EmulatorPolicy.Status503 => WireErrors.ServiceUnavailable(call.Flavor),
        EmulatorPolicy.ContentFilter => WireErrors.ContentFilter(),
        EmulatorPolicy.Malformed => Completion(call, behavior, MalformedText, refusal: null, "stop"),
        EmulatorPolicy.Refusal => Completion(call, behavior, content: null, RefusalText, "stop"),
        EmulatorPolicy.Length => Truncated(call, behavior),
        EmulatorPolicy.SchemaBroken => Completion(call, behavior, Broken(call, behavior), refusal: null, "stop"),
        _ => Completion(call, behavior, Content(call, step, behavior), refusal: null, "stop"),
    };

    private WireReply Truncated(ChatCall call, DeploymentBehavior behavior)
    {
        var full = Content(call, ContentPolicy(behavior), behavior);
        return Completion(call, behavior, full[..(full.Length / 2)], refusal: null, "length");
    }

    private static string Content(ChatCall call, EmulatorPolicy policy, DeploymentBehavior behavior)
    {
        if (policy == EmulatorPolicy.Grader && call.ResponseSchema is null)
        {
            var score = behavior.Score ?? 5;
            return new JsonObject
            {
                ["reason"] = $"Emulated grading: the output meets the rubric at {score} of 5.",
                ["pass"] = score >= 4,
                ["score"] = score / 5.0,
            }.ToJsonString(Compact);
        }
        var instance = Instance(call, policy == EmulatorPolicy.Grader ? EmulatorPolicy.High : policy, behavior);
        return instance is null
            ? call.WantsJsonObject ? """{"reply":"emulated"}""" : $"Emulated reply from deployment '{call.Deployment}'."
            : instance.ToJsonString(Compact);
    }

    private static JsonNode? Instance(ChatCall call, EmulatorPolicy policy, DeploymentBehavior behavior)
    {
        if (call.ResponseSchema is not { } schema)
        {
            return null;
        }

        var plan = new ReplyPlan(policy, behavior, FencedProfile.TryParse(call.LastUserText));
        return new SchemaInstanceGenerator(schema, plan).Generate();
    }

    /// <summary>A reply that parses as JSON but misses required fields: the root's last required property, and the
    /// first required property of the first object inside each array.</summary>
    private static string Broken(ChatCall call, DeploymentBehavior behavior)
    {
        if (Instance(call, ContentPolicy(behavior), behavior) is not JsonObject instance || call.ResponseSchema is not { } schema)
        {
            return "{}";
        }

        if (schema["required"] is JsonArray { Count: > 0 } required)
        {
            instance.Remove(required[^1]!.GetValue<string>());
        }

        foreach (var (_, value) in instance.ToList())
        {
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first && first.Count > 0)
            {
                first.Remove(first.First().Key);
            }
        }

        // An empty object would be an honest "nothing", not a broken reply: keep at least the damage visible.
        return instance.Count == 0 ? """{"unexpected":true}""" : instance.ToJsonString(Compact);
    }

    private static EmulatorPolicy ContentPolicy(DeploymentBehavior behavior) => behavior.Policy switch
    {
        EmulatorPolicy.Low or EmulatorPolicy.Hallucinate or EmulatorPolicy.ObeyInjection or EmulatorPolicy.DetectInjection => behavior.Policy,
        _ => EmulatorPolicy.High,
    };

    private WireReply Completion(ChatCall call, DeploymentBehavior behavior, string? content, string? refusal, string finishReason)
    {
        var azure = call.Flavor == WireFlavor.Azure;
        // Like the service: a reply longer than the request's max_tokens stops there, cut off, with finish_reason "length".
        if (content is not null && call.MaxTokens is { } max && Tokens.Estimate(content.Length) > max)
        {
            content = content[..(max * 4)];
            finishReason = "length";
        }
        var choice = new JsonObject
        {
            ["finish_reason"] = finishReason,
            ["index"] = 0,
            ["logprobs"] = null,
            ["message"] = new JsonObject
            {
                ["content"] = content,
                ["refusal"] = refusal,
                ["role"] = "assistant",
            },
        };
        if (azure)
        {
            choice["content_filter_results"] = ContentFilterResults.Choice();
        }

        var promptTokens = call.PromptTokens;
        var completionTokens = Tokens.Estimate((content ?? refusal ?? string.Empty).Length);
        var body = new JsonObject
        {
            ["choices"] = new JsonArray(choice),
            ["created"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["id"] = "chatcmpl-" + randomAlphanumeric(29),
            ["model"] = azure ? behavior.Model : call.Deployment,
            ["object"] = "chat.completion",
            ["system_fingerprint"] = "fp_" + randomAlphanumeric(10).ToLowerInvariant(),
            ["usage"] = new JsonObject
            {
                ["completion_tokens"] = completionTokens,
                ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                ["prompt_tokens"] = promptTokens,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = _cache.CachedTokens(call, promptTokens) },
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        if (azure)
        {
            body["prompt_filter_results"] = new JsonArray(new JsonObject
            {
                ["prompt_index"] = 0,
                ["content_filter_results"] = ContentFilterResults.Prompt(),
            });
        }

        return new WireReply(200, body);
    }
}
