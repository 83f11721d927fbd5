namespace ReviewPanel.Probing;

/// <summary>
/// The one contiguous edit a mutant makes to its original's source text: <see cref="Length"/> characters at
/// <see cref="Offset"/> (the text <see cref="Before"/>) replaced by <see cref="After"/>. Offsets count UTF-16 chars of
/// the source as imported (BOM stripped, line ends LF).
/// </summary>
public sealed record MutationSpan(int Offset, int Length, string Before, string After)
{
    /// <summary>The original text with this span applied.</summary>
    public string ApplyTo(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return string.Concat(original.AsSpan(0, Offset), After, original.AsSpan(Offset + Length));
    }
}
