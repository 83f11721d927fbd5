using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Panel;

/// <summary>Which profiles a rerun takes: by latest verdict (failed, errored), by id, and recorded since a date.</summary>
public sealed record RerunSelection(bool Failed, bool Errors, IReadOnlyCollection<string> ProfileIds, DateTimeOffset? Since)
{
    public bool Matches(StoredVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return (Since is null || verdict.RecordedAt >= Since)
            && ((Failed && verdict.Outcome == VerdictOutcome.Fail)
                || (Errors && verdict.Outcome == VerdictOutcome.Error)
                || ProfileIds.Contains(verdict.ProfileId, StringComparer.Ordinal));
    }
}
