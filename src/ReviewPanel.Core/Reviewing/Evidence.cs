namespace ReviewPanel.Reviewing;

/// <summary>
/// A verbatim quote from one layer backing a critique. <see cref="Grounded"/> is set by the grounding check:
/// null before it ran, false when the quote is not found (whitespace- and case-normalized) in any string of the
/// profile that is sent to a model or shown (see <see cref="Profiles.ProfileStrings"/>). <see cref="LayerKey"/> is
/// a layer key, or <c>profile</c> for the profile's own title, code and id.
/// </summary>
public sealed record Evidence(string LayerKey, string Quote, string? Note = null)
{
    public bool? Grounded { get; init; }

    /// <summary>
    /// Set by the grounding check: where the quote was found, e.g. <c>responsibilities.text</c>,
    /// <c>skills.fields[2].value</c>, <c>profile.title</c>. It may name another layer than <see cref="LayerKey"/>
    /// when the reviewer named the wrong one. Null when not found or not checked.
    /// </summary>
    public string? Location { get; init; }
}
