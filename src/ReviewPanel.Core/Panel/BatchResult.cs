using ReviewPanel.Scoring;

namespace ReviewPanel.Panel;

/// <summary>The outcome of reviewing a batch: one summary per source, in the order given.</summary>
public sealed record BatchResult(string RunId, IReadOnlyList<ProfileSummary> Profiles, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>Sources never started because the run stopped taking new work (<c>--max-cost</c>): not judged, not errored, not recorded.</summary>
    public IReadOnlyList<string> NotReviewed { get; init; } = [];

    /// <summary>The spend that stopped the run, when <see cref="NotReviewed"/> is not empty because of it.</summary>
    public CostBudget? StoppedBy { get; init; }

    /// <summary>0 when all pass, 1 when any fails, 2 when any errored or was not reviewed (error wins: it means "not judged").</summary>
    public int ExitCode =>
        NotReviewed.Count > 0 || Profiles.Any(p => p.Verdict == VerdictOutcome.Error) ? 2
        : Profiles.Any(p => p.Verdict == VerdictOutcome.Fail) ? 1
        : 0;

    /// <summary>
    /// The exit code on the effective verdicts: as <see cref="ExitCode"/>, except that a failed profile whose id is in
    /// <paramref name="waivedProfileIds"/> (a recorded waiver in force covers every failing dimension of exactly that
    /// version) counts as passed. An error is never waived.
    /// </summary>
    public int EffectiveExitCode(IEnumerable<string> waivedProfileIds)
    {
        ArgumentNullException.ThrowIfNull(waivedProfileIds);
        var waived = waivedProfileIds.ToHashSet(StringComparer.Ordinal);
        return NotReviewed.Count > 0 || Profiles.Any(p => p.Verdict == VerdictOutcome.Error) ? 2
            : Profiles.Any(p => p.Verdict == VerdictOutcome.Fail && (p.ProfileId is null || !waived.Contains(p.ProfileId))) ? 1
            : 0;
    }

    public int Count(VerdictOutcome outcome) => Profiles.Count(p => p.Verdict == outcome);
}
