namespace ReviewPanel.Llm;

/// <summary>The chat providers an endpoint can name.</summary>
public static class LlmProviders
{
    /// <summary>Azure OpenAI: <c>{endpoint}/openai/deployments/{deployment}/chat/completions</c>, key or Entra ID.</summary>
    public const string AzureOpenAI = "azure-openai";

    /// <summary>Any server speaking the OpenAI chat-completions API at <c>{endpoint}/chat/completions</c>, body <c>model</c>.</summary>
    public const string OpenAICompatible = "openai-compatible";

    public static IReadOnlyList<string> All { get; } = [AzureOpenAI, OpenAICompatible];
}
