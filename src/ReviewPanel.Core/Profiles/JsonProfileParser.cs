using System.Text.Json;

namespace ReviewPanel.Profiles;

/// <summary>
/// Reads the canonical JSON format after validating it against <see cref="ProfileSchema"/>. Hashes, the version hash
/// and (when absent) the id and level are derived exactly as for the text format, so the same content gives the same
/// layer hashes whichever format it came in.
/// </summary>
internal static class JsonProfileParser
{
    public const string Format = "json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
        // Two "text" properties in one layer would leave it unclear which one reviewers read.
        AllowDuplicateProperties = false,
    };

    public static ImportResult Parse(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ImportResult.Failure(path, ImportErrorKind.InvalidJson, $"invalid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (ProfileSchema.Validate(root) is { } violation)
            {
                return ImportResult.Failure(path, ImportErrorKind.SchemaViolation, $"breaks the profile schema {violation}");
            }

            var title = Lf(root.GetProperty("title").GetString()!).Trim();
            var code = OptionalString(root, "code");
            var layers = new List<ProfileLayer>();
            var index = 0;
            foreach (var element in root.GetProperty("layers").EnumerateArray())
            {
                layers.Add(ReadLayer(element, path, index++));
            }

            // Every profile has a title layer (and a code layer when it has a code), whichever format it came in.
            if (code is not null && !layers.Any(l => l.Key == LayerKeys.Code))
            {
                layers.Insert(0, ProfileIdentity.Layer(LayerKeys.Code, code, code, [$"file:{path}#/code"]));
            }
            if (!layers.Any(l => l.Key == LayerKeys.Title))
            {
                layers.Insert(0, ProfileIdentity.Layer(LayerKeys.Title, title, title, [$"file:{path}#/title"]));
            }

            var profile = ProfileIdentity.Profile(
                OptionalString(root, "id"), title, code, OptionalString(root, "level"), path, Format, layers);
            return ImportResult.Success(profile);
        }
    }

    private static ProfileLayer ReadLayer(JsonElement element, string path, int index)
    {
        var key = element.GetProperty("key").GetString()!;
        var text = Lf(element.GetProperty("text").GetString()!);
        var title = OptionalString(element, "title") ?? key;
        List<string> sources = [.. Strings(element, "sources"), $"file:{path}#/layers/{index}"];
        var rows = element.TryGetProperty("rows", out var r)
            ? r.EnumerateArray().Select(row => (IReadOnlyList<string>)[.. row.EnumerateArray().Select(c => Lf(c.GetString()!))]).ToList()
            : [];
        var fields = element.TryGetProperty("fields", out var f)
            ? f.EnumerateArray()
                .Select(p => new KeyValuePair<string, string>(p.GetProperty("name").GetString()!, Lf(p.GetProperty("value").GetString()!)))
                .ToList()
            : [];
        return ProfileIdentity.Layer(key, title, text, sources, Strings(element, "items"), Strings(element, "columns"), rows, fields);
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(e => Lf(e.GetString()!))] : [];

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Lf(value.GetString()!).Trim() : null;

    // Line ends inside JSON strings are normalized like file line ends, so quotes ground the same way.
    private static string Lf(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
