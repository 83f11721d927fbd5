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

    public static IEnumerable<ProfileString> Of(RoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        yield return new(ProfileKey, "profile.title", profile.Title);
        if (profile.Code is { } code)
        {
            yield return new(ProfileKey, "profile.code", code);
        }
        yield return new(ProfileKey, "profile.id", profile.Id);
        foreach (var layer in profile.Layers)
        {
            foreach (var s in Of(layer, profile.Source))
            {
                yield return s;
            }
        }
    }

    public static IEnumerable<ProfileString> Of(ProfileLayer layer, string? importedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var key = layer.Key;
        yield return new(key, $"{key}.title", layer.Title);
        yield return new(key, $"{key}.text", layer.Text);
        for (var i = 0; i < layer.Items.Count; i++)
        {
            yield return new(key, Loc(key, "items", i), layer.Items[i]);
        }
        for (var i = 0; i < layer.Columns.Count; i++)
        {
            yield return new(key, Loc(key, "columns", i), layer.Columns[i]);
        }
        for (var r = 0; r < layer.Rows.Count; r++)
        {
            for (var c = 0; c < layer.Rows[r].Count; c++)
            {
                yield return new(key, string.Create(CultureInfo.InvariantCulture, $"{key}.rows[{r}][{c}]"), layer.Rows[r][c]);
            }
        }
        for (var i = 0; i < layer.Fields.Count; i++)
        {
            yield return new(key, Loc(key, "fields", i) + ".name", layer.Fields[i].Key);
            yield return new(key, Loc(key, "fields", i) + ".value", layer.Fields[i].Value);
        }
        for (var i = 0; i < layer.Sources.Count; i++)
        {
            var source = layer.Sources[i];
            var derived = importedFrom is not null && source.StartsWith($"file:{importedFrom}#", StringComparison.Ordinal);
            yield return new(key, Loc(key, "sources", i), source, derived);
        }
    }

    private static string Loc(string key, string part, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{key}.{part}[{index}]");
}
