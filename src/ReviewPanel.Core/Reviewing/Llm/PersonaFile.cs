using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Hashing;
using ReviewPanel.Profiles;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// A reviewer persona (or the adjudicator prompt): a markdown file whose YAML front matter between two <c>---</c>
/// lines names the persona and its dimensions, and whose body is the brief the model reads.
/// Its identity is the SHA-256 of the file's bytes, so any edit (front matter or body) is a new reviewer version.
/// </summary>
/// <param name="Id">Persona id (lower-case letters, digits, dashes); the reviewer id is <c>llm.&lt;id&gt;</c>.</param>
/// <param name="Dimensions">The dimensions this persona scores, in rubric order.</param>
/// <param name="Deployment">Name of the configured endpoint to call; null means the default endpoint.</param>
/// <param name="Temperature">Sampling temperature (default 0).</param>
/// <param name="Version">Optional human version label; the SHA-256 is what identifies the prompt.</param>
/// <param name="Layers">
/// The layer keys this persona is shown (front matter <c>layers:</c>, in the profile's order when sent); null means
/// every layer (<c>layers: all</c>, or no <c>layers</c> key), unknown sections included.
/// </param>
/// <param name="Body">The persona brief (markdown after the front matter, trimmed).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Path">Where the file was read from, as given.</param>
public sealed partial record PersonaFile(
    string Id,
    IReadOnlyList<string> Dimensions,
    string? Deployment,
    double Temperature,
    string? Version,
    IReadOnlyList<string>? Layers,
    string Body,
    string Sha256,
    string Path)
{
    /// <summary>The front matter value that shows a persona every layer.</summary>
    public const string AllLayers = "all";

    /// <summary>Whether this persona is shown the layer <paramref name="layerKey"/>.</summary>
    public bool Sees(string layerKey) => Layers is null || Layers.Contains(layerKey, StringComparer.Ordinal);

    /// <summary>Reads and parses one persona file.</summary>
    /// <exception cref="InvalidDataException">The file's front matter is missing or invalid; the message names the file.</exception>
    public static PersonaFile Load(string path) => Parse(path, File.ReadAllBytes(path));

    /// <summary>Loads every <c>*.md</c> file of a directory, ordered by file name; ids must be unique.</summary>
    public static IReadOnlyList<PersonaFile> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Persona directory '{directory}' does not exist.");
        }
        var personas = Directory.EnumerateFiles(directory, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
        var duplicate = personas.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException(
                $"Persona id '{duplicate.Key}' is used by more than one file: {string.Join(", ", duplicate.Select(p => p.Path))}.");
        }
        return personas;
    }

    /// <summary>Parses a persona from its bytes; <paramref name="path"/> is used in error messages and kept.</summary>
    public static PersonaFile Parse(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha = Sha256Text.Of(bytes);
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw Invalid(path, "the file must start with a '---' line opening the front matter.");
        }
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw Invalid(path, "the front matter is not closed by a second '---' line.");
        }

        FrontMatter front;
        try
        {
            front = Deserializer.Deserialize<FrontMatter?>(string.Join('\n', lines[1..close])) ?? new FrontMatter();
        }
        catch (YamlException ex)
        {
            // Line numbers in the YAML exception are relative to the front matter; +1 for the opening '---'.
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw Invalid(path, $"front matter line {ex.Start.Line + 1}: {detail}", ex);
        }

        if (string.IsNullOrWhiteSpace(front.Id))
        {
            throw Invalid(path, "front matter has no 'id'.");
        }
        if (!IdPattern().IsMatch(front.Id))
        {
            throw Invalid(path, $"id '{front.Id}' must be lower-case letters, digits and dashes.");
        }
        if (front.Dimensions is not { Count: > 0 })
        {
            throw Invalid(path, "front matter has no 'dimensions' list.");
        }
        var unknown = front.Dimensions.Where(d => !Reviewing.Dimensions.IsKnown(d)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid(path,
                $"unknown dimension(s) {string.Join(", ", unknown.Select(d => $"'{d}'"))}; known: {string.Join(", ", Reviewing.Dimensions.All)}.");
        }
        if (front.Dimensions.Distinct(StringComparer.Ordinal).Count() != front.Dimensions.Count)
        {
            throw Invalid(path, "a dimension is listed twice.");
        }
        var temperature = front.Temperature ?? 0;
        if (temperature is < 0 or > 2 || double.IsNaN(temperature))
        {
            throw Invalid(path, $"temperature {temperature} is outside 0..2.");
        }
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        if (body.Length == 0)
        {
            throw Invalid(path, "the persona brief (the text after the front matter) is empty.");
        }

        var layers = ParseLayers(path, front.Layers);

        // Rubric order, so the prompt and the schema do not depend on how the file happens to list them.
        var dimensions = Reviewing.Dimensions.All.Where(front.Dimensions.Contains).ToList();
        return new PersonaFile(
            front.Id, dimensions, string.IsNullOrWhiteSpace(front.Deployment) ? null : front.Deployment.Trim(),
            temperature, front.Version, layers, body, sha, path);
    }

    // "all" (or nothing) is every layer; otherwise a list of known layer keys, kept in the importer's order.
    private static List<string>? ParseLayers(string path, object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s when string.Equals(s.Trim(), AllLayers, StringComparison.Ordinal):
                return null;
            case List<object> list when list.Count > 0:
                var keys = list.Select(o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "").ToList();
                var unknown = keys.Where(k => !LayerKeys.Known.Contains(k, StringComparer.Ordinal)).ToList();
                if (unknown.Count > 0)
                {
                    throw Invalid(path,
                        $"unknown layer(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))}; known: {string.Join(", ", LayerKeys.Known)} (or 'layers: all').");
                }
                if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
                {
                    throw Invalid(path, "a layer is listed twice.");
                }
                return [.. LayerKeys.Known.Where(keys.Contains)];
            default:
                throw Invalid(path, "'layers' must be 'all' or a non-empty list of layer keys.");
        }
    }

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"Invalid persona file '{path}': {problem}", inner);

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .Build(); // unknown keys throw: a misspelt 'temprature' must not silently fall back to the default

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    // YamlDotNet needs a settable class; it is private to this parser.
    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public List<string>? Dimensions { get; set; }
        public string? Deployment { get; set; }
        public double? Temperature { get; set; }
        public string? Version { get; set; }
        public object? Layers { get; set; }
    }
}
