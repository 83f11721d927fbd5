namespace ReviewPanel.Audit;

/// <summary>The level of measurement Krippendorff's alpha assumes, which picks its difference function.</summary>
public enum AlphaLevel
{
    /// <summary>Values are unordered labels: any two different values differ by 1.</summary>
    Nominal,
    /// <summary>Values are ranks: the difference grows with how many values lie between them.</summary>
    Ordinal,
    /// <summary>Values are on an interval scale: the difference is (c − k)².</summary>
    Interval,
}
