namespace ReviewPanel.Audit;

/// <summary>How well the panel agrees with people on one dimension.</summary>
/// <param name="Dimension">The rubric dimension.</param>
/// <param name="N">Profiles where both the person and the panel gave a score.</param>
/// <param name="Kappa">Quadratic weighted kappa of the panel's rounded aggregate against the gold score; null when N is 0.</param>
/// <param name="Rho">Spearman's rho of the same pairs; null when N &lt; 2 or either side is constant.</param>
/// <param name="ExactAgreement">Share of the N pairs where the rounded aggregate equals the gold score.</param>
public sealed record DimensionCalibration(string Dimension, int N, double? Kappa, double? Rho, double? ExactAgreement);
