namespace ReviewPanel.Audit;

/// <summary>
/// Spearman's rank correlation with ties: each value gets the average of the ranks it spans, and rho is the Pearson
/// correlation of the ranks (the shortcut 1 − 6Σd²/(n(n²−1)) is only exact without ties).
/// </summary>
public static class SpearmanRho
{
    /// <returns>Rho, or null with fewer than two pairs or when either side has no variation.</returns>
    public static double? Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Both series must have the same length.", nameof(y));
        }
        if (x.Count < 2)
        {
            return null;
        }
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>The 1-based ranks of <paramref name="values"/>, tied values sharing the mean of their ranks.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]]))
            {
                end++;
            }
            // Positions start..end (0-based) hold ranks start+1..end+1; their mean is the midpoint.
            var rank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double? Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0)
        {
            return null;
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
