namespace ReviewPanel.Llm;

/// <summary>The values of <see cref="EndpointOptions.Auth"/>.</summary>
public static class EndpointAuth
{
    /// <summary>An API key (<see cref="EndpointOptions.ApiKey"/>), required in this mode.</summary>
    public const string Key = "key";

    /// <summary>Microsoft Entra ID through <c>DefaultAzureCredential</c> (Azure OpenAI only).</summary>
    public const string Entra = "entra";

    /// <summary>No credential (OpenAI-compatible servers only, e.g. a local vLLM or Ollama).</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Key, Entra, None];
}
