using System.Text.Json.Nodes;

namespace ReviewPanel.Emulator.Replies;

/// <summary>Walks a response_format JSON schema and builds an instance of it, so whatever schema a reviewer sends gets
/// a valid reply. Field names carry the semantics: <c>score</c>, <c>dimension</c>, <c>evidence</c>, <c>injections</c>,
/// <c>layer</c>, <c>quote</c>, <c>rationale</c>, <c>summary</c>; everything else gets a plain valid value.</summary>
internal sealed class SchemaInstanceGenerator(JsonObject root, ReplyPlan plan)
{
    private const int MaxDepth = 32;

    /// <summary>Where in the reply the walker is: the dimension being scored and the quote being placed.</summary>
    private sealed record Scope(string? Dimension, int Ordinal, QuoteRef? Quote);

    public JsonNode? Generate() => Generate(root, name: null, new Scope(null, 0, null), 0);

    private JsonNode? Generate(JsonNode? node, string? name, Scope scope, int depth)
    {
        if (depth > MaxDepth || node is not JsonObject schema)
        {
            return node is JsonValue v && v.TryGetValue<bool>(out var b) && !b ? null : JsonValue.Create("emulated");
        }

        if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer))
        {
            return Generate(Resolve(pointer), name, scope, depth + 1);
        }

        if (schema["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        if (schema["enum"] is JsonArray values)
        {
            return PickEnum(values, name, scope);
        }

        foreach (var combinator in (string[])["anyOf", "oneOf", "allOf"])
        {
            if (schema[combinator] is JsonArray alternatives)
            {
                // A nullable field is anyOf [T, null]: answer with T, as a model filling the field would.
                var chosen = alternatives.FirstOrDefault(a => !IsNullSchema(a)) ?? alternatives.FirstOrDefault();
                return Generate(chosen, name, scope, depth + 1);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => GenerateObject(schema, scope, depth),
            "array" => GenerateArray(schema, name, scope, depth),
            "integer" => JsonValue.Create(GenerateInteger(schema, name, scope)),
            "number" => JsonValue.Create(schema["minimum"] is JsonValue min && min.TryGetValue<double>(out var m) ? m : 0.0),
            "boolean" => JsonValue.Create(false),
            "null" => null,
            _ => JsonValue.Create(GenerateString(schema, name, scope)),
        };
    }

    private JsonObject GenerateObject(JsonObject schema, Scope scope, int depth)
    {
        var result = new JsonObject();
        if (schema["properties"] is not JsonObject properties)
        {
            return result;
        }

        // An object that names a dimension (an adjudication) scores that dimension throughout.
        if (scope.Dimension is null && EnumOf(properties["dimension"]) is { Count: > 0 } dimensions)
        {
            scope = scope with { Dimension = dimensions[0]?.ToString() };
        }

        // Strict schemas require every property, so emit them all.
        foreach (var (propertyName, propertySchema) in properties)
        {
            result[propertyName] = Generate(propertySchema, propertyName, scope, depth + 1);
        }

        return result;
    }

    private JsonArray GenerateArray(JsonObject schema, string? name, Scope scope, int depth)
    {
        var items = Deref(schema["items"]);
        var itemProperties = items?["properties"] as JsonObject;
        var minItems = IntOf(schema["minItems"]) ?? 0;
        var maxItems = IntOf(schema["maxItems"]) ?? int.MaxValue;
        var result = new JsonArray();

        if (EnumOf(itemProperties?["dimension"]) is { Count: > 0 } dimensions)
        {
            // One element per dimension asked for, each scored exactly once.
            var ordinal = 0;
            foreach (var dimension in dimensions)
            {
                result.Add(Generate(items, null, new Scope(dimension?.ToString(), ordinal++, null), depth + 1));
            }

            return result;
        }

        if (name is "evidence" or "injections")
        {
            var allowedLayers = EnumOf(itemProperties?["layer"])?.Select(v => v?.ToString() ?? string.Empty).ToList();
            var quotes = name == "evidence" ? plan.EvidenceFor(scope.Dimension, scope.Ordinal, allowedLayers) : plan.Injections;
            for (var i = 0; i < Math.Min(Math.Max(quotes.Count, minItems), maxItems); i++)
            {
                var quote = quotes.Count > 0 ? quotes[i % quotes.Count] : null;
                result.Add(Generate(items, null, scope with { Quote = quote }, depth + 1));
            }

            return result;
        }

        for (var i = 0; i < Math.Min(Math.Max(minItems, 1), maxItems); i++)
        {
            result.Add(Generate(items, null, scope, depth + 1));
        }

        return result;
    }

    private int GenerateInteger(JsonObject schema, string? name, Scope scope)
    {
        var minimum = IntOf(schema["minimum"]) ?? int.MinValue;
        var maximum = IntOf(schema["maximum"]) ?? int.MaxValue;
        var wanted = name == "score" ? plan.ScoreFor(scope.Dimension) : 0;
        return Math.Clamp(wanted, minimum, maximum);
    }

    private string GenerateString(JsonObject schema, string? name, Scope scope)
    {
        var text = name switch
        {
            "rationale" => plan.Rationale(scope.Dimension),
            "summary" => plan.Summary,
            "quote" => scope.Quote?.Quote ?? "no quotable text",
            "layer" => scope.Quote?.Layer ?? "profile",
            "dimension" => scope.Dimension ?? "unspecified",
            _ => "emulated",
        };

        var minLength = IntOf(schema["minLength"]) ?? 0;
        var maxLength = IntOf(schema["maxLength"]) ?? int.MaxValue;
        text = text.Length < minLength ? text.PadRight(minLength, '.') : text;
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    private JsonNode? PickEnum(JsonArray values, string? name, Scope scope)
    {
        if (values.Count == 0)
        {
            return null;
        }

        JsonNode? chosen = name switch
        {
            "score" => values
                .Where(v => IntOf(v) is not null)
                .OrderBy(v => Math.Abs(IntOf(v)!.Value - plan.ScoreFor(scope.Dimension)))
                .FirstOrDefault(),
            "dimension" => values.FirstOrDefault(v => v?.ToString() == scope.Dimension),
            "layer" => values.FirstOrDefault(v => v?.ToString() == scope.Quote?.Layer),
            _ => null,
        };

        return (chosen ?? values[0])?.DeepClone();
    }

    private JsonArray? EnumOf(JsonNode? node) => Deref(node)?["enum"] as JsonArray;

    private JsonObject? Deref(JsonNode? node)
    {
        for (var i = 0; i < MaxDepth && node is JsonObject o && o["$ref"] is JsonValue r && r.TryGetValue<string>(out var pointer); i++)
        {
            node = Resolve(pointer);
        }

        return node as JsonObject;
    }

    /// <summary>Resolves a local JSON pointer such as <c>#/$defs/evidence</c>; other references resolve to nothing.</summary>
    private JsonNode? Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var token in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Uri.UnescapeDataString(token).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[key],
                JsonArray a when int.TryParse(key, out var index) && index < a.Count => a[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>An integer keyword, tolerating 3.0 for 3; anything else counts as absent.</summary>
    private static int? IntOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)Math.Ceiling(number)
            : null;

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.TryGetValue<string>(out var type) ? type : "string",
        JsonArray types => types.Select(t => t is JsonValue tv && tv.TryGetValue<string>(out var type) ? type : null).FirstOrDefault(t => t != "null") ?? "null",
        _ when schema["properties"] is not null => "object",
        _ when schema["items"] is not null => "array",
        _ => "string",
    };

    private static bool IsNullSchema(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "null";
}
