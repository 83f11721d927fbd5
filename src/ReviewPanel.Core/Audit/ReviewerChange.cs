namespace ReviewPanel.Audit;

/// <summary>A reviewer whose version or model changed; a null side means it was not on that panel.</summary>
public sealed record ReviewerChange(string ReviewerId, string? Before, string? After);
