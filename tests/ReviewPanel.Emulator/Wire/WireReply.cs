using System.Text.Json.Nodes;

namespace ReviewPanel.Emulator.Wire;

/// <summary>An HTTP answer: status, JSON body and extra headers.</summary>
internal sealed record WireReply(int Status, JsonObject Body, IReadOnlyDictionary<string, string> Headers)
{
    public WireReply(int status, JsonObject body)
        : this(status, body, new Dictionary<string, string>())
    {
    }
}
