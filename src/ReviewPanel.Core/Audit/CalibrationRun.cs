namespace ReviewPanel.Audit;

/// <summary>A calibration: the labels' problems (nothing was reviewed when any), or the run and its report.</summary>
public sealed record CalibrationRun(IReadOnlyList<string> Problems, string? RunId, CalibrationReport? Report, IReadOnlyList<string> NotJudged);
