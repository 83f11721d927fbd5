namespace ReviewPanel.Audit;

/// <summary>
/// The gate's pass/fail decisions against reference labels. The positive class is <em>pass</em>: a false positive is a
/// profile the gate let through that should have failed, the costly error for a quality gate, so precision is the
/// share of passes that deserved it.
/// </summary>
public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Share of correct decisions; null when empty.</summary>
    public double? Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>Of the profiles the gate passed, the share that should pass; null when it passed none.</summary>
    public double? Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Of the profiles that should pass, the share the gate passed; null when none should.</summary>
    public double? Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall; null when either is undefined or both are 0.</summary>
    public double? F1 => Precision is double p && Recall is double r && p + r > 0 ? 2 * p * r / (p + r) : null;

    /// <summary>Counts the (predicted, actual) pairs, <c>true</c> meaning pass.</summary>
    public static ConfusionMatrix From(IEnumerable<(bool PredictedPass, bool ActualPass)> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (predicted, actual) in decisions)
        {
            switch (predicted, actual)
            {
                case (true, true): tp++; break;
                case (true, false): fp++; break;
                case (false, true): fn++; break;
                default: tn++; break;
            }
        }
        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
