using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewPanel.Emulator.Wire;

/// <summary>
/// Prompt caching as Azure OpenAI and OpenAI describe it: a request whose prefix (the response format and the system
/// message) was seen before on the same deployment has that prefix served from cache, reported as
/// <c>prompt_tokens_details.cached_tokens</c>; only prompts of at least 1,024 tokens are cached, in 128-token steps.
/// Only the static prefix is matched, which is what a client that puts its profile last can hope to hit.
/// </summary>
internal sealed class PromptCache
{
    private const int MinimumTokens = 1_024;
    private const int Step = 128;
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

    public int CachedTokens(ChatCall call, int promptTokens)
    {
        var system = call.Messages.FirstOrDefault() is JsonObject first && first["role"] is JsonValue role
            && role.TryGetValue<string>(out var r) && r is "system" or "developer" ? ChatCall.TextOf(first) : "";
        var format = call.Body["response_format"]?.ToJsonString() ?? "";
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{call.Deployment}\n{format}\n{system}")));
        var hit = !_seen.TryAdd(key, true);
        var prefix = Math.Min(promptTokens, Tokens.Estimate(system.Length + format.Length));
        return hit && promptTokens >= MinimumTokens && prefix >= MinimumTokens
            ? MinimumTokens + ((prefix - MinimumTokens) / Step * Step)
            : 0;
    }

    public void Clear() => _seen.Clear();
}
