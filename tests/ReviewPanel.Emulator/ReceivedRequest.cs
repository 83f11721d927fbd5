namespace ReviewPanel.Emulator;

/// <summary>One request the emulator received on a chat-completions route, as logged for tests.</summary>
/// <param name="Deployment">The path's deployment (Azure route) or the body's <c>model</c> (/v1 route); empty if absent.</param>
/// <param name="Path">Request path and query string.</param>
/// <param name="Headers">Request headers, without <c>api-key</c> and <c>Authorization</c>.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="ReceivedAt">When it arrived, by the emulator's clock.</param>
public sealed record ReceivedRequest(
    string Deployment,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt);
