using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ReviewPanel.Serialization;

/// <summary>
/// The one set of JSON settings for reports, stored records and the hash chain: camelCase, enums as
/// kebab-case strings, no indentation (canonical) unless asked. The contracts' metadata is source-generated
/// (<see cref="ReviewPanelJsonContext"/>); anything else is resolved by reflection.
/// </summary>
public static class ReviewPanelJson
{
    public static JsonSerializerOptions Canonical { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ReviewPanelJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
