using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Audit;

/// <summary>
/// The panel against people: per dimension, quadratic weighted kappa and Spearman's rho between the panel's
/// aggregate (rounded half away from zero to a whole score) and the gold score; and the gate's pass/fail confusion
/// matrix, where "positive" means pass (a false positive is a profile the gate passed and a person would not publish).
/// </summary>
public sealed record CalibrationReport(IReadOnlyList<DimensionCalibration> Dimensions, ConfusionMatrix Gate, IReadOnlyList<CalibrationCase> Cases)
{
    public static CalibrationReport Compute(IReadOnlyList<CalibrationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var dimensions = Reviewing.Dimensions.All.Select(d =>
        {
            var pairs = cases
                .Select(c => (Panel: c.PanelScores.GetValueOrDefault(d) is double p ? Round(p) : (int?)null, Gold: c.Gold.Scores.TryGetValue(d, out var g) ? g : (int?)null))
                .Where(p => p.Panel is not null && p.Gold is not null)
                .Select(p => (Panel: p.Panel!.Value, Gold: p.Gold!.Value))
                .ToList();
            return new DimensionCalibration(
                d,
                pairs.Count,
                pairs.Count == 0 ? null : WeightedKappa.Quadratic(pairs.Select(p => p.Panel).ToList(), pairs.Select(p => p.Gold).ToList()),
                SpearmanRho.Compute(pairs.Select(p => (double)p.Panel).ToList(), pairs.Select(p => (double)p.Gold).ToList()),
                pairs.Count == 0 ? null : (double)pairs.Count(p => p.Panel == p.Gold) / pairs.Count);
        }).ToList();
        var gate = ConfusionMatrix.From(cases.Select(c => (c.PanelOutcome == VerdictOutcome.Pass, c.Gold.Pass)));
        return new CalibrationReport(dimensions, gate, cases);
    }

    /// <summary>A panel aggregate as a whole score: half away from zero (3.5 → 4), kept within 1..5.</summary>
    public static int Round(double aggregate) => Math.Clamp((int)Math.Round(aggregate, MidpointRounding.AwayFromZero), 1, 5);
}
