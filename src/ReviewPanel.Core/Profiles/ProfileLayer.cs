using System.Text.Json.Serialization;

namespace ReviewPanel.Profiles;

/// <summary>
/// One layer of a role profile (focus, responsibilities, level table, ...). The text is what reviewers read and
/// quote; <see cref="Items"/>, <see cref="Rows"/> and <see cref="Fields"/> are the same content in structured form
/// where the layer has one (bullets, table rows, key/value pairs).
/// </summary>
public sealed record ProfileLayer
{
    /// <summary>Stable key, e.g. <c>focus</c>, <c>responsibilities</c>, <c>level-guidelines</c>; unknown sections get <c>unknown:&lt;slug&gt;</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The heading the layer had in its source, for people.</summary>
    public required string Title { get; init; }

    /// <summary>The layer's text as imported (what quotes must be found in).</summary>
    public required string Text { get; init; }

    /// <summary>Declared sources of the layer (e.g. <c>jfm-factory.resolve</c>), plus where it was read from (<c>file:path#L3-L9</c>).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>SHA-256 of the normalized text (see <see cref="Hashing.TextNormalizer"/>).</summary>
    public required string Sha256 { get; init; }

    /// <summary>Bullets, in order (responsibilities, adjacent roles, aliases).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Table rows, header excluded (level guidelines). Each row is its cells in column order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    /// <summary>Table header cells, when the layer is a table.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Key/value pairs in order (skills: name → description; level block: Scope → ...; classification: code → ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>True when the importer did not recognize the section; it is kept, never dropped.</summary>
    public bool IsUnknown { get; init; }

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}
