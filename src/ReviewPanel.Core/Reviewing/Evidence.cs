namespace ReviewPanel.Reviewing;

/// <summary>
/// A verbatim quote from one layer backing a critique. <see cref="Grounded"/> is set by the grounding check:
/// null before it ran, false when the quote is not found (whitespace- and case-normalized) in the named layer.
/// </summary>
public sealed record Evidence(string LayerKey, string Quote, string? Note = null)
{
    public bool? Grounded { get; init; }
}
