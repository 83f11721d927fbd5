using ReviewPanel.Scoring;

namespace ReviewPanel.Panel;

/// <summary>The outcome of reviewing a batch: one summary per source, in the order given.</summary>
public sealed record BatchResult(string RunId, IReadOnlyList<ProfileSummary> Profiles, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>0 when all pass, 1 when any fails, 2 when any errored (error wins: it means "not judged").</summary>
    public int ExitCode =>
        Profiles.Any(p => p.Verdict == VerdictOutcome.Error) ? 2
        : Profiles.Any(p => p.Verdict == VerdictOutcome.Fail) ? 1
        : 0;

    public int Count(VerdictOutcome outcome) => Profiles.Count(p => p.Verdict == outcome);
}
