using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ReviewPanel.Tests.Emulator;

/// <summary>Builds JSON Schemas with JsonSchema.Net and reports why an instance fails them.</summary>
internal static class SchemaValidation
{
    /// <summary>Builds in a registry of its own under a unique base URI, so tests can build schemas that share
    /// anchors or lack <c>$id</c> without colliding in the global registry.</summary>
    public static JsonSchema Build(JsonNode schema) =>
        JsonSchema.Build(
            JsonDocument.Parse(schema.ToJsonString()).RootElement,
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://emulator.tests/{Guid.NewGuid():N}"));

    /// <summary>Every failure message with its instance location; empty when the instance is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string instanceJson)
    {
        using var document = JsonDocument.Parse(instanceJson);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .DefaultIfEmpty("invalid (no details)")];
    }
}
