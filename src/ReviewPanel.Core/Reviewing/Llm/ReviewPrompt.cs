using Microsoft.Extensions.AI;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>The two messages of one request (static system part first for prompt caching) and the fence boundary used.</summary>
public sealed record ReviewPrompt(ChatMessage System, ChatMessage User, string Boundary)
{
    public IReadOnlyList<ChatMessage> Messages => [System, User];
}
