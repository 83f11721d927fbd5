namespace ReviewPanel.Audit;

/// <summary>
/// Cohen's (1968) weighted kappa with quadratic weights for two raters on an ordered scale:
/// κ = 1 − Σ w_ij O_ij / Σ w_ij E_ij, with w_ij = (i − j)² / (k − 1)² and E_ij = row_i · col_j / n.
/// </summary>
public static class WeightedKappa
{
    /// <summary>
    /// Quadratic weighted kappa over the pairs where both raters gave a value (a null on either side drops the pair).
    /// </summary>
    /// <returns>Kappa, or null when no pair remains. Perfect agreement (no off-diagonal pair) gives 1.</returns>
    /// <exception cref="ArgumentException">The lists differ in length, or a value lies outside the category range.</exception>
    public static double? Quadratic(IReadOnlyList<int?> rater1, IReadOnlyList<int?> rater2, int minCategory = 1, int maxCategory = 5)
    {
        ArgumentNullException.ThrowIfNull(rater1);
        ArgumentNullException.ThrowIfNull(rater2);
        if (rater1.Count != rater2.Count)
        {
            throw new ArgumentException("Both raters must rate the same units.", nameof(rater2));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxCategory, minCategory);

        var k = maxCategory - minCategory + 1;
        var observed = new double[k, k];
        var n = 0;
        for (var u = 0; u < rater1.Count; u++)
        {
            if (rater1[u] is not int a || rater2[u] is not int b)
            {
                continue;
            }
            if (a < minCategory || a > maxCategory || b < minCategory || b > maxCategory)
            {
                throw new ArgumentException($"Unit {u}: values {a} and {b} must lie in {minCategory}..{maxCategory}.", nameof(rater1));
            }
            observed[a - minCategory, b - minCategory]++;
            n++;
        }
        if (n == 0)
        {
            return null;
        }

        var rows = new double[k];
        var cols = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                rows[i] += observed[i, j];
                cols[j] += observed[i, j];
            }
        }

        double weightedObserved = 0, weightedExpected = 0;
        var scale = (double)(k - 1) * (k - 1);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = (i - j) * (i - j) / scale;
                weightedObserved += w * observed[i, j];
                weightedExpected += w * rows[i] * cols[j] / n;
            }
        }

        if (weightedObserved == 0)
        {
            return 1.0;
        }
        return 1.0 - (weightedObserved / weightedExpected);
    }

    /// <summary>Overload for complete ratings.</summary>
    public static double? Quadratic(IReadOnlyList<int> rater1, IReadOnlyList<int> rater2, int minCategory = 1, int maxCategory = 5)
    {
        ArgumentNullException.ThrowIfNull(rater1);
        ArgumentNullException.ThrowIfNull(rater2);
        return Quadratic(rater1.Select(v => (int?)v).ToArray(), rater2.Select(v => (int?)v).ToArray(), minCategory, maxCategory);
    }
}
