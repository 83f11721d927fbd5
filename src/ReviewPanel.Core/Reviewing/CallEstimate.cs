using Microsoft.Extensions.AI;

namespace ReviewPanel.Reviewing;

/// <summary>
/// What one model call would be charged before it is sent, the way Azure OpenAI counts it on arrival and the
/// endpoint's TPM limiter charges it: the prompt's characters / 4 (rounded up) plus the request's max_tokens.
/// </summary>
public sealed record CallEstimate(string? Deployment, int PromptTokens, int MaxOutputTokens)
{
    /// <summary>Charged when a request sets no max_tokens.</summary>
    public const int DefaultMaxOutputTokens = 1_000;

    public int Charge => PromptTokens + MaxOutputTokens;

    /// <summary>Characters / 4, rounded up, over every message's text.</summary>
    public static int PromptTokensOf(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long characters = 0;
        foreach (var message in messages)
        {
            characters += message.Text?.Length ?? 0;
        }
        return (int)Math.Min(int.MaxValue, (characters + 3) / 4);
    }
}
