namespace ReviewPanel.Audit;

/// <summary>One recorded value (a hash, a model name) before and after.</summary>
public sealed record ValueChange(string? Before, string? After);
