namespace ReviewPanel.Reviewing.Llm;

/// <summary>Keys that chat-client decorators use to pass call facts to reviewers without coupling to them.</summary>
public static class LlmCallProperties
{
    /// <summary>
    /// HTTP attempts behind one response, set by the resilience decorator in <c>ChatResponse.AdditionalProperties</c>
    /// (and in <c>Exception.Data</c> when it gives up). Absent means 1.
    /// </summary>
    public const string AttemptsKey = "reviewpanel.attempts";
}
