using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ReviewPanel.Tests.Emulator;

/// <summary>The Azure OpenAI 2024-10-21 spec (Spec/, MIT) as JSON Schemas. OpenAPI 3.0 schemas are not quite JSON
/// Schema: references point into <c>#/components/schemas</c> and <c>nullable: true</c> stands for "or null". This turns
/// a component and everything it references into a 2020-12 schema with <c>$defs</c>.</summary>
internal static partial class AzureOpenAiSpec
{
    public const string ChatCompletionResponse = "createChatCompletionResponse";
    public const string ErrorResponse = "errorResponse";

    private static readonly Lazy<JsonObject> Components = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(SpecPath("azure-openai-inference-2024-10-21.json")))!["components"]!["schemas"]!);

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    public static string SpecPath(string file) => Path.Combine(AppContext.BaseDirectory, "Emulator", "Spec", file);

    /// <summary>Why <paramref name="json"/> is not a valid instance of the component; empty when it is.</summary>
    public static IReadOnlyList<string> Validate(string component, string json) =>
        SchemaValidation.Errors(Schemas.GetOrAdd(component, Build), json);

    public static JsonObject ToJsonSchema(string component)
    {
        var defs = new JsonObject();
        var pending = new Queue<string>([component]);
        while (pending.TryDequeue(out var name))
        {
            if (defs.ContainsKey(name))
            {
                continue;
            }

            var converted = Convert(Components.Value[name] ?? throw new KeyNotFoundException(name));
            defs[name] = converted;
            foreach (Match reference in DefReference().Matches(converted.ToJsonString()))
            {
                pending.Enqueue(reference.Groups[1].Value);
            }
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$ref"] = $"#/$defs/{component}",
            ["$defs"] = defs,
        };
    }

    private static JsonSchema Build(string component) => SchemaValidation.Build(ToJsonSchema(component));

    private static JsonNode Convert(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Convert(item))]);
            case JsonObject source:
                var target = new JsonObject();
                foreach (var (key, value) in source)
                {
                    target[key] = key == "$ref" && value is JsonValue reference
                        ? reference.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)
                        : value is null ? null : Convert(value);
                }

                return target["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var isNullable)
                    ? AllowNull(target, isNullable)
                    : target;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>OpenAPI 3.0 <c>nullable: true</c> means the value may also be null.</summary>
    private static JsonObject AllowNull(JsonObject schema, bool nullable)
    {
        schema.Remove("nullable");
        if (!nullable)
        {
            return schema;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            return schema;
        }

        // No type to widen (a $ref or a combinator): accept null beside whatever the schema accepts.
        return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
    }

    [GeneratedRegex("\"#/\\$defs/([^\"]+)\"")]
    private static partial Regex DefReference();
}
