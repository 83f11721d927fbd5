namespace ReviewPanel.Audit;

/// <summary>
/// Krippendorff's alpha for a units × raters matrix with missing values, by the coincidence-matrix method of
/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": alpha = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Computes alpha. <paramref name="data"/> is indexed [unit][rater]; null is a missing value. Units with fewer
    /// than two values are not pairable and are ignored, as the method prescribes.
    /// </summary>
    /// <returns>
    /// Alpha, or null when fewer than two pairable values exist. When the observed disagreement is zero (perfect
    /// agreement) the result is 1, even if every value is the same and the expected disagreement is zero too.
    /// </returns>
    public static double? Compute(IReadOnlyList<IReadOnlyList<int?>> data, AlphaLevel level)
    {
        ArgumentNullException.ThrowIfNull(data);

        var pairable = new List<int[]>();
        foreach (var unit in data)
        {
            var values = unit.Where(v => v is not null).Select(v => v!.Value).ToArray();
            if (values.Length >= 2)
            {
                pairable.Add(values);
            }
        }
        if (pairable.Count == 0)
        {
            return null;
        }

        var categories = pairable.SelectMany(v => v).Distinct().Order().ToArray();
        var index = new Dictionary<int, int>();
        for (var i = 0; i < categories.Length; i++)
        {
            index[categories[i]] = i;
        }

        // Coincidence matrix: every ordered pair of values within a unit, weighted 1 / (m_u − 1).
        var k = categories.Length;
        var o = new double[k, k];
        foreach (var values in pairable)
        {
            var weight = 1.0 / (values.Length - 1);
            for (var i = 0; i < values.Length; i++)
            {
                for (var j = 0; j < values.Length; j++)
                {
                    if (i != j)
                    {
                        o[index[values[i]], index[values[j]]] += weight;
                    }
                }
            }
        }

        var marginals = new double[k];
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                marginals[c] += o[c, d];
            }
        }
        var n = marginals.Sum();

        double observed = 0, expected = 0;
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                var delta = Difference(level, categories, marginals, c, d);
                observed += o[c, d] * delta;
                expected += marginals[c] * marginals[d] * delta;
            }
        }

        if (observed == 0)
        {
            return 1.0;
        }
        return 1.0 - ((n - 1) * observed / expected);
    }

    /// <summary>Convenience overload for a rectangular matrix.</summary>
    public static double? Compute(int?[,] data, AlphaLevel level)
    {
        ArgumentNullException.ThrowIfNull(data);
        var units = new List<IReadOnlyList<int?>>(data.GetLength(0));
        for (var u = 0; u < data.GetLength(0); u++)
        {
            var row = new int?[data.GetLength(1)];
            for (var r = 0; r < row.Length; r++)
            {
                row[r] = data[u, r];
            }
            units.Add(row);
        }
        return Compute(units, level);
    }

    private static double Difference(AlphaLevel level, int[] categories, double[] marginals, int c, int k)
    {
        if (c == k)
        {
            return 0;
        }
        switch (level)
        {
            case AlphaLevel.Nominal:
                return 1;
            case AlphaLevel.Interval:
                double diff = categories[c] - categories[k];
                return diff * diff;
            case AlphaLevel.Ordinal:
                // δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the values that occur, in rank order.
                var (lo, hi) = c < k ? (c, k) : (k, c);
                double sum = 0;
                for (var g = lo; g <= hi; g++)
                {
                    sum += marginals[g];
                }
                var d = sum - ((marginals[c] + marginals[k]) / 2);
                return d * d;
            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level of measurement.");
        }
    }
}
