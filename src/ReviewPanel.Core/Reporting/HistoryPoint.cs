namespace ReviewPanel.Reporting;

/// <summary>One past verdict of a profile, for the report's trend chart.</summary>
/// <param name="RunId">The run that produced it.</param>
/// <param name="Time">When the verdict was recorded.</param>
/// <param name="Minimum">The verdict's lowest dimension aggregate; null when nothing was judged (an error).</param>
public sealed record HistoryPoint(string RunId, DateTimeOffset Time, double? Minimum);
