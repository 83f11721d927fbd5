using System.Globalization;

namespace ReviewPanel.Profiles;

/// <summary>
/// Every string of a profile that can reach a model or a reader, each with its location: the profile's title, code
/// and id (pseudo layer <see cref="ProfileKey"/>), then per layer its title, text, items, columns, cells, field names
/// and values, and sources. The injection reviewer scans these and the grounding check looks quotes up in them, so
/// both see the same strings.
/// </summary>
public static class ProfileStrings
{
    /// <summary>The pseudo layer key of the profile's own title, code and id.</summary>
    public const string ProfileKey = "profile";

    public static IEnumerable<ProfileString> Of(RoleProfile profile) => Entries(profile).Select(e => e.ToProfileString());

    public static IEnumerable<ProfileString> Of(ProfileLayer layer, string? importedFrom = null) =>
        Entries(layer, importedFrom).Select(e => e.ToProfileString());

    /// <summary>The strings of <see cref="Of(RoleProfile)"/>, in the same order, with their locations not yet spelled out.</summary>
    internal static IEnumerable<ProfileStringEntry> Entries(RoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        yield return new(ProfileKey, ProfileStringEntry.Title, profile.Title);
        if (profile.Code is { } code)
        {
            yield return new(ProfileKey, ProfileStringEntry.Code, code);
        }
        yield return new(ProfileKey, ProfileStringEntry.Id, profile.Id);
        foreach (var layer in profile.Layers)
        {
            foreach (var s in Entries(layer, profile.Source))
            {
                yield return s;
            }
        }
    }

    internal static IEnumerable<ProfileStringEntry> Entries(ProfileLayer layer, string? importedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var key = layer.Key;
        yield return new(key, ProfileStringEntry.Title, layer.Title);
        yield return new(key, ProfileStringEntry.Text, layer.Text);
        for (var i = 0; i < layer.Items.Count; i++)
        {
            yield return new(key, ProfileStringEntry.Items, layer.Items[i], i);
        }
        for (var i = 0; i < layer.Columns.Count; i++)
        {
            yield return new(key, ProfileStringEntry.Columns, layer.Columns[i], i);
        }
        for (var r = 0; r < layer.Rows.Count; r++)
        {
            for (var c = 0; c < layer.Rows[r].Count; c++)
            {
                yield return new(key, ProfileStringEntry.Rows, layer.Rows[r][c], r, c);
            }
        }
        for (var i = 0; i < layer.Fields.Count; i++)
        {
            yield return new(key, ProfileStringEntry.FieldName, layer.Fields[i].Key, i);
            yield return new(key, ProfileStringEntry.FieldValue, layer.Fields[i].Value, i);
        }
        var derivedPrefix = importedFrom is null ? null : $"file:{importedFrom}#";
        for (var i = 0; i < layer.Sources.Count; i++)
        {
            var source = layer.Sources[i];
            var derived = derivedPrefix is not null && source.StartsWith(derivedPrefix, StringComparison.Ordinal);
            yield return new(key, ProfileStringEntry.Sources, source, i, IsDerived: derived);
        }
    }
}

/// <summary>
/// A <see cref="ProfileString"/> whose <see cref="Location"/> is spelled out only when asked: the scanners read every
/// string of every profile and name the location of the few they report.
/// </summary>
/// <param name="Part">Which part of the layer: one of the constants below.</param>
/// <param name="Index">The item, column, row, field or source index; -1 for a part that is one string.</param>
/// <param name="Column">The cell's column in its row (<see cref="Rows"/> only).</param>
internal readonly record struct ProfileStringEntry(string LayerKey, string Part, string Value, int Index = -1, int Column = -1, bool IsDerived = false)
{
    public const string Title = "title";
    public const string Code = "code";
    public const string Id = "id";
    public const string Text = "text";
    public const string Items = "items";
    public const string Columns = "columns";
    public const string Rows = "rows";
    public const string FieldName = "fields.name";
    public const string FieldValue = "fields.value";
    public const string Sources = "sources";

    /// <summary>e.g. <c>skills.fields[2].value</c>, <c>summary.text</c>, <c>level-guidelines.rows[1][0]</c>.</summary>
    public string Location => Part switch
    {
        _ when Index < 0 => $"{LayerKey}.{Part}",
        Rows => string.Create(CultureInfo.InvariantCulture, $"{LayerKey}.rows[{Index}][{Column}]"),
        FieldName => string.Create(CultureInfo.InvariantCulture, $"{LayerKey}.fields[{Index}].name"),
        FieldValue => string.Create(CultureInfo.InvariantCulture, $"{LayerKey}.fields[{Index}].value"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{LayerKey}.{Part}[{Index}]"),
    };

    public ProfileString ToProfileString() => new(LayerKey, Location, Value, IsDerived);
}
