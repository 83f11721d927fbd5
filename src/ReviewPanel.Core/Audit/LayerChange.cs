namespace ReviewPanel.Audit;

/// <summary>A layer whose text changed between two reviews of a profile.</summary>
/// <param name="Key">The layer key.</param>
/// <param name="Before">Its SHA-256 before; null when the layer is new.</param>
/// <param name="After">Its SHA-256 after; null when the layer was removed.</param>
public sealed record LayerChange(string Key, string? Before, string? After);
