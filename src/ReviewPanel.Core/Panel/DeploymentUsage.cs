namespace ReviewPanel.Panel;

/// <summary>Tokens one profile's fresh (not reused) model calls spent on one deployment.</summary>
public sealed record DeploymentUsage(string? Deployment, int InputTokens, int OutputTokens);
