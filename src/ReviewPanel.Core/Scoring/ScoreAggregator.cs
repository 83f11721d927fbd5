namespace ReviewPanel.Scoring;

/// <summary>Combines one dimension's scores. Abstentions and ungrounded critiques never reach it.</summary>
public static class ScoreAggregator
{
    public static double? Aggregate(IReadOnlyList<int> scores, AggregationMethod method)
    {
        if (scores.Count == 0)
        {
            return null;
        }
        var sorted = scores.Order().ToArray();
        return method switch
        {
            AggregationMethod.Median => Median(sorted),
            AggregationMethod.Mean => sorted.Average(),
            AggregationMethod.Min => sorted[0],
            AggregationMethod.TrimmedMean => sorted.Length >= 3 ? sorted[1..^1].Average() : sorted.Average(),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown aggregation method."),
        };
    }

    /// <summary>Median of sorted values; the mean of the two middle ones for an even count.</summary>
    public static double Median(IReadOnlyList<int> sorted)
    {
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
