namespace ReviewPanel.Profiles;

/// <summary>
/// An imported role profile. <see cref="Id"/> is stable across versions (from the code line, else the title);
/// <see cref="VersionHash"/> identifies this version's content (SHA-256 over the layers' keys and hashes).
/// </summary>
public sealed record RoleProfile
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The profile code, e.g. <c>INFRAS.DEVOPSSIA2C1.P6</c>, when the source has one.</summary>
    public string? Code { get; init; }
    /// <summary>The level named in the title or code (e.g. <c>P6</c>), when there is one.</summary>
    public string? Level { get; init; }
    public required string VersionHash { get; init; }
    /// <summary>Where it was read from (a path as given by the user).</summary>
    public required string Source { get; init; }
    /// <summary><c>text</c> or <c>json</c>.</summary>
    public required string Format { get; init; }
    public required IReadOnlyList<ProfileLayer> Layers { get; init; }

    public ProfileLayer? Layer(string key) => Layers.FirstOrDefault(l => l.Key == key);
}
