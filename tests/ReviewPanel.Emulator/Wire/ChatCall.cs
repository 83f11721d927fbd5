using System.Text.Json.Nodes;

namespace ReviewPanel.Emulator.Wire;

/// <summary>A validated chat-completions request: who it is for and its parsed body.</summary>
internal sealed record ChatCall(WireFlavor Flavor, string Deployment, string ApiVersion, JsonObject Body)
{
    public JsonArray Messages => (JsonArray)Body["messages"]!;

    /// <summary>The text of a message whether its content is a string or an array of parts.</summary>
    public static string TextOf(JsonNode? message) => message?["content"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray parts => string.Concat(parts.Select(p => p?["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : string.Empty)),
        _ => string.Empty,
    };

    public string LastUserText =>
        TextOf(Messages.LastOrDefault(m => m?["role"] is JsonValue role && role.TryGetValue<string>(out var r) && r == "user"));

    /// <summary>The json_schema of response_format, if the request asked for one.</summary>
    public JsonObject? ResponseSchema =>
        ResponseFormatType == "json_schema" ? Body["response_format"]?["json_schema"]?["schema"] as JsonObject : null;

    public bool WantsJsonObject => ResponseFormatType == "json_object";

    private string? ResponseFormatType =>
        Body["response_format"] is JsonObject format && format["type"] is JsonValue type && type.TryGetValue<string>(out var t) ? t : null;

    /// <summary>The reply limit the request sets (<c>max_completion_tokens</c>, or the older <c>max_tokens</c>), or null.</summary>
    public int? MaxTokens =>
        (Body["max_completion_tokens"] ?? Body["max_tokens"]) is JsonValue v && v.TryGetValue<int>(out var max) ? max : null;

    public int PromptTokens => Tokens.Estimate(Messages.Sum(m => TextOf(m).Length));
}
