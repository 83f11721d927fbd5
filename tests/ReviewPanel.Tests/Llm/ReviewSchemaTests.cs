using System.Text.Json;
using Microsoft.Extensions.AI;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

public sealed class ReviewSchemaTests
{
    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void ReviewOptions_StrictSchemaWithEnumsOfAskedDimensionsAndProfileLayers()
    {
        var options = ReviewSchema.ReviewOptions(LlmTestData.Persona(temperature: 0.2), ["focus", "skills"]);

        Assert.Equal(true, options.AdditionalProperties!["strict"]);
        Assert.Equal(true, options.AdditionalProperties!["strictJsonSchema"]);
        Assert.Equal(0.2f, options.Temperature);
        var format = Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
        Assert.Equal("review", format.SchemaName);
        var schema = format.Schema!.Value;

        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["scores", "injections", "summary"], Strings(schema.GetProperty("required")));
        var score = schema.GetProperty("properties").GetProperty("scores").GetProperty("items");
        Assert.False(score.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["dimension", "score", "rationale", "evidence"], Strings(score.GetProperty("required")));
        var props = score.GetProperty("properties");
        Assert.Equal(["accuracy", "specificity"], Strings(props.GetProperty("dimension").GetProperty("enum")));
        Assert.Equal("integer", props.GetProperty("score").GetProperty("type").GetString());
        Assert.Equal([1, 2, 3, 4, 5], props.GetProperty("score").GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()));
        var evidence = props.GetProperty("evidence").GetProperty("items");
        Assert.False(evidence.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["focus", "skills"], Strings(evidence.GetProperty("properties").GetProperty("layer").GetProperty("enum")));
        var injection = schema.GetProperty("properties").GetProperty("injections").GetProperty("items");
        Assert.Equal(["focus", "skills"], Strings(injection.GetProperty("properties").GetProperty("layer").GetProperty("enum")));
    }

    [Fact]
    public void ForAdjudication_OneDimensionEnumAndAllRequired()
    {
        var schema = ReviewSchema.ForAdjudication("consistency", ["focus", "skills"]);

        Assert.Equal(["dimension", "score", "rationale", "refutations"], Strings(schema.GetProperty("required")));
        var counter = schema.GetProperty("properties").GetProperty("refutations").GetProperty("items").GetProperty("properties").GetProperty("counter");
        Assert.Equal(["focus", "skills"], Strings(counter.GetProperty("properties").GetProperty("layer").GetProperty("enum")));
        Assert.Equal(["consistency"], Strings(schema.GetProperty("properties").GetProperty("dimension").GetProperty("enum")));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }
}
