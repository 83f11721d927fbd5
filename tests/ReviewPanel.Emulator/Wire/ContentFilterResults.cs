using System.Text.Json.Nodes;

namespace ReviewPanel.Emulator.Wire;

/// <summary>Azure's content-filter annotations (spec: <c>contentFilterPromptResults</c>, <c>contentFilterChoiceResults</c>).</summary>
internal static class ContentFilterResults
{
    private static readonly string[] SeverityCategories = ["hate", "self_harm", "sexual", "violence"];

    public static JsonObject Prompt(string? filteredCategory = null)
    {
        var results = Severities(filteredCategory);
        results["jailbreak"] = Detected();
        return results;
    }

    public static JsonObject Choice()
    {
        var results = Severities(null);
        results["protected_material_code"] = Detected();
        results["protected_material_text"] = Detected();
        return results;
    }

    private static JsonObject Severities(string? filteredCategory)
    {
        var results = new JsonObject();
        foreach (var category in SeverityCategories)
        {
            var filtered = category == filteredCategory;
            results[category] = new JsonObject { ["filtered"] = filtered, ["severity"] = filtered ? "medium" : "safe" };
        }

        return results;
    }

    private static JsonObject Detected() => new() { ["filtered"] = false, ["detected"] = false };
}
