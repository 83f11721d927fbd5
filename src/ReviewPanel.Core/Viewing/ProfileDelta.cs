using ReviewPanel.Audit;
using ReviewPanel.Scoring;

namespace ReviewPanel.Viewing;

/// <summary>One profile in both compared runs: its verdicts, per-dimension aggregates before and after, and what changed in its inputs.</summary>
public sealed record ProfileDelta(
    string ProfileId,
    VerdictOutcome Before,
    VerdictOutcome After,
    double? MinimumBefore,
    double? MinimumAfter,
    IReadOnlyDictionary<string, (double? Before, double? After)> Dimensions,
    RunChanges Changes)
{
    public bool Flipped => Before != After;
}
