using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReviewPanel.Emulator.Wire;

/// <summary>JSON writing as the services do it: quotes escaped as <c>\"</c> and non-ASCII text left as is, not the
/// <c>\u0022</c> style of System.Text.Json's default encoder.</summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
