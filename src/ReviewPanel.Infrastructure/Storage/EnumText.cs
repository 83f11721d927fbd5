using System.Text.Json;
using ReviewPanel.Serialization;

namespace ReviewPanel.Storage;

/// <summary>Enum ↔ column text, spelled exactly as in the JSON (kebab-case), so SQL filters and reports agree.</summary>
internal static class EnumText
{
    public static string Of<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, ReviewPanelJson.Canonical).Trim('"');

    public static T Parse<T>(string text) where T : struct, Enum =>
        JsonSerializer.Deserialize<T>($"\"{text}\"", ReviewPanelJson.Canonical);
}
