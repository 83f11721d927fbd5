using ReviewPanel.Scoring;

namespace ReviewPanel.Audit;

/// <summary>One labelled profile: what a person said and what the panel said.</summary>
/// <param name="Source">The profile file.</param>
/// <param name="ProfileId">The profile id, or null when it could not be imported.</param>
/// <param name="Gold">The person's labels.</param>
/// <param name="PanelOutcome">The gate's verdict; an error counts as "not passed".</param>
/// <param name="PanelScores">Dimension → the panel's aggregate (null = not judged).</param>
public sealed record CalibrationCase(
    string Source,
    string? ProfileId,
    GoldLabel Gold,
    VerdictOutcome PanelOutcome,
    IReadOnlyDictionary<string, double?> PanelScores);
