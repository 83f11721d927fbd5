namespace ReviewPanel.Audit;

/// <summary>What <see cref="ReviewerAgreement"/> found: agreement per dimension, and reviewers whose prompt or model changed.</summary>
public sealed record AgreementReport(IReadOnlyList<DimensionAgreement> Dimensions, IReadOnlyList<ReviewerDrift> Drift);
