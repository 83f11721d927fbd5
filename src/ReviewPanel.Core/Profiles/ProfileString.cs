namespace ReviewPanel.Profiles;

/// <summary>
/// One string of a profile that is sent to a model or shown to a reader, with where it is:
/// <see cref="LayerKey"/> (or <see cref="ProfileStrings.ProfileKey"/> for the profile's own title, code and id) and
/// <see cref="Location"/>, e.g. <c>skills.fields[2].value</c> or <c>profile.title</c>.
/// </summary>
/// <param name="IsDerived">Written by the importer, not by the profile's author (the <c>file:</c> source it adds).</param>
public sealed record ProfileString(string LayerKey, string Location, string Value, bool IsDerived = false);
