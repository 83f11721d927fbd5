namespace ReviewPanel.Scoring;

/// <summary>How the panel's scores on one dimension combine. Median is the default: one outlier cannot move it.</summary>
public enum AggregationMethod
{
    Median,
    Mean,
    Min,
    /// <summary>Mean after dropping the lowest and highest score (when at least three scores remain).</summary>
    TrimmedMean,
}
