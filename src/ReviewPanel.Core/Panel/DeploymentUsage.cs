namespace ReviewPanel.Panel;

/// <summary>Tokens one profile's fresh (not reused) model calls spent on one deployment; <paramref name="CachedInputTokens"/> are part of <paramref name="InputTokens"/>.</summary>
public sealed record DeploymentUsage(string? Deployment, int InputTokens, int OutputTokens, int CachedInputTokens = 0);
