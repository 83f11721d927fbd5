using ReviewPanel.Probing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Panel;

/// <summary>Which profiles a rerun takes: by latest verdict (failed, errored), by id, and recorded since a date.</summary>
public sealed record RerunSelection(bool Failed, bool Errors, IReadOnlyCollection<string> ProfileIds, DateTimeOffset? Since)
{
    public bool Matches(StoredVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        // Probe mutants fail by design and have no file to read again; only an explicit --profile selects one.
        return (Since is null || verdict.RecordedAt >= Since)
            && ((!ProbeNames.IsMutant(verdict.ProfileId)
                    && ((Failed && verdict.Outcome == VerdictOutcome.Fail) || (Errors && verdict.Outcome == VerdictOutcome.Error)))
                || ProfileIds.Contains(verdict.ProfileId, StringComparer.Ordinal));
    }
}
