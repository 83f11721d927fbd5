using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// The JSON schemas of the wire protocol, built per request so the enums hold exactly the dimensions asked for and
/// the layer keys the profile has: a strict-mode model then cannot name a dimension or layer that does not exist.
/// </summary>
public static class ReviewSchema
{
    /// <summary>Marks the request as strict structured output (the protocol's <c>"strict": true</c>).</summary>
    public const string StrictKey = "strict";

    /// <summary>
    /// The key Microsoft.Extensions.AI.OpenAI reads to send <c>"strict": true</c> in <c>json_schema</c>; set alongside
    /// <see cref="StrictKey"/>, otherwise the flag never reaches the wire.
    /// </summary>
    public const string OpenAIStrictKey = "strictJsonSchema";

    public const string ReviewSchemaName = "review";
    public const string AdjudicationSchemaName = "adjudication";

    /// <summary>The <c>review</c> schema for <paramref name="dimensions"/> of a profile with <paramref name="layerKeys"/>.</summary>
    public static JsonElement ForReview(IReadOnlyList<string> dimensions, IReadOnlyList<string> layerKeys)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(layerKeys);
        if (dimensions.Count == 0 || layerKeys.Count == 0)
        {
            throw new ArgumentException("A review schema needs at least one dimension and one layer key.");
        }
        JsonObject Quote() => StrictObject(
            ("layer", new JsonObject { ["type"] = "string", ["enum"] = Strings(layerKeys) }),
            ("quote", new JsonObject { ["type"] = "string" }));

        var score = StrictObject(
            ("dimension", new JsonObject { ["type"] = "string", ["enum"] = Strings(dimensions) }),
            ("score", ScoreSchema()),
            ("rationale", new JsonObject { ["type"] = "string" }),
            ("evidence", new JsonObject { ["type"] = "array", ["items"] = Quote() }));
        var root = StrictObject(
            ("scores", new JsonObject { ["type"] = "array", ["items"] = score }),
            ("injections", new JsonObject { ["type"] = "array", ["items"] = Quote() }),
            ("summary", new JsonObject { ["type"] = "string" }));
        return ToElement(root);
    }

    /// <summary>
    /// The <c>adjudication</c> schema for one dimension: the final score, the rationale, and refutations that answer a
    /// named critic's quote with a counter-quote from one of <paramref name="layerKeys"/>.
    /// </summary>
    public static JsonElement ForAdjudication(string dimension, IReadOnlyList<string> layerKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentNullException.ThrowIfNull(layerKeys);
        var counter = StrictObject(
            ("layer", new JsonObject { ["type"] = "string", ["enum"] = Strings(layerKeys) }),
            ("quote", new JsonObject { ["type"] = "string" }));
        var refutation = StrictObject(
            ("reviewer", new JsonObject { ["type"] = "string" }),
            ("quote", new JsonObject { ["type"] = "string" }),
            ("counter", counter),
            ("reason", new JsonObject { ["type"] = "string" }));
        var root = StrictObject(
            ("dimension", new JsonObject { ["type"] = "string", ["enum"] = Strings([dimension]) }),
            ("score", ScoreSchema()),
            ("rationale", new JsonObject { ["type"] = "string" }),
            ("refutations", new JsonObject { ["type"] = "array", ["items"] = refutation }));
        return ToElement(root);
    }

    /// <summary>
    /// Reply budget per scored dimension, sent as max_tokens: the service charges it against the quota on arrival, so
    /// an unbounded request costs its 1,000-token default however short the reply. The instructions cap a rationale at
    /// 30 words (about 40 tokens) and quotes at two per dimension under 15 words each (about 30 tokens each with the
    /// layer key and punctuation); with the dimension and score that is about 115, so 130 leaves a margin without
    /// paying for rationales nobody reads. A cut-off reply is re-asked with the reason, never guessed at.
    /// </summary>
    public const int ReplyTokensPerDimension = 130;

    /// <summary>
    /// Reply budget beyond the dimensions: a one-sentence summary (about 35 tokens), a couple of reported injections
    /// (about 45 each) and the JSON punctuation around them.
    /// </summary>
    public const int ReplyTokensBase = 150;

    /// <summary>max_tokens of a review request that scores <paramref name="dimensions"/> dimensions.</summary>
    public static int ReviewMaxOutputTokens(int dimensions) => ReplyTokensBase + (ReplyTokensPerDimension * dimensions);

    /// <summary>
    /// The layer keys a persona's schema enumerates: its declared layers, or (shown everything) every known key and the
    /// profile's other keys after them. Not the profile's own key list, which varies with every profile: the schema is
    /// part of the prefix a provider caches, so it should be the same for every profile a persona reviews.
    /// </summary>
    public static IReadOnlyList<string> SchemaLayerKeys(PersonaFile persona, IReadOnlyList<string> profileLayerKeys)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentNullException.ThrowIfNull(profileLayerKeys);
        return persona.Layers ?? [.. Profiles.LayerKeys.Known, .. profileLayerKeys.Where(k => !Profiles.LayerKeys.Known.Contains(k, StringComparer.Ordinal))];
    }

    /// <summary>Chat options for a persona's review request: strict <c>review</c> schema, the persona's temperature, max_tokens sized from it.</summary>
    public static ChatOptions ReviewOptions(PersonaFile persona, IReadOnlyList<string> layerKeys)
    {
        ArgumentNullException.ThrowIfNull(persona);
        // No schema description: the field names say it, and every word of it is paid on every request.
        var options = Options(ForReview(persona.Dimensions, layerKeys), ReviewSchemaName, description: null, persona.Temperature);
        options.MaxOutputTokens = ReviewMaxOutputTokens(persona.Dimensions.Count);
        return options;
    }

    /// <summary>Chat options for an adjudication request.</summary>
    public static ChatOptions AdjudicationOptions(PersonaFile adjudicator, string dimension, IReadOnlyList<string> layerKeys)
    {
        ArgumentNullException.ThrowIfNull(adjudicator);
        var options = Options(ForAdjudication(dimension, layerKeys), AdjudicationSchemaName, description: null, adjudicator.Temperature);
        // A rationale naming the upheld review, and refutations with two quotes each: about two dimensions' worth.
        options.MaxOutputTokens = ReplyTokensBase + (2 * ReplyTokensPerDimension);
        return options;
    }

    private static ChatOptions Options(JsonElement schema, string name, string? description, double temperature) => new()
    {
        ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, name, description),
        Temperature = (float)temperature,
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [StrictKey] = true,
            [OpenAIStrictKey] = true,
        },
    };

    private static JsonObject ScoreSchema() => new()
    {
        ["type"] = "integer",
        ["enum"] = new JsonArray(1, 2, 3, 4, 5),
    };

    private static JsonObject StrictObject(params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = props,
            ["required"] = Strings([.. properties.Select(p => p.Name)]),
            ["additionalProperties"] = false,
        };
    }

    private static JsonArray Strings(IReadOnlyList<string> values) =>
        new([.. values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonElement ToElement(JsonObject node) => JsonSerializer.SerializeToElement(node);
}
