using System.Text.Json;
using Json.Schema;

namespace ReviewPanel.Profiles;

/// <summary>
/// The JSON profile schema (fixtures/schema/profile.schema.json, embedded as <c>ReviewPanel.Data.profile.schema.json</c>)
/// and the one place that turns a schema evaluation into a one-line reason naming the failing field.
/// </summary>
internal static class ProfileSchema
{
    public const string ResourceName = "ReviewPanel.Data.profile.schema.json";

    private static readonly Lazy<string> LazyText = new(LoadText);

    // Built once, in its own registry, so building it never clashes with another copy of the same $id.
    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        JsonSchema.FromText(LazyText.Value, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static string Text => LazyText.Value;

    /// <summary>Null when <paramref name="instance"/> is valid; else "at /layers/2/key: reason" for the deepest failure.</summary>
    public static string? Validate(JsonElement instance)
    {
        var results = LazySchema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }
        var failures = (results.Details ?? []).Prepend(results)
            .Where(r => r.Errors is { Count: > 0 })
            .Select(r => (Location: r.InstanceLocation.ToString(), Message: r.Errors!.First().Value))
            .ToList();
        if (failures.Count == 0)
        {
            return "at /: the document does not match the profile schema";
        }
        // The deepest instance location names the field; ties keep the evaluator's order.
        var worst = failures.OrderByDescending(f => f.Location.Count(c => c == '/')).First();
        var location = worst.Location.Length == 0 ? "/" : worst.Location;
        return $"at {location}: {worst.Message}";
    }

    private static string LoadText()
    {
        using var stream = typeof(ProfileSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
