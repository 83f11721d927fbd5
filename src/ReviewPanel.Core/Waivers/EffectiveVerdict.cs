using ReviewPanel.Panel;
using ReviewPanel.Scoring;

namespace ReviewPanel.Waivers;

/// <summary>
/// The verdict a publish gate acts on: the panel's own, unless it is a Fail of exactly the waived version whose every
/// failing dimension (and rule) is covered by a waiver still in force; then Pass. An Error (not judged) is never waived,
/// and a new version of the profile is not covered by an older version's waiver.
/// </summary>
public sealed record EffectiveVerdict(VerdictOutcome Panel, VerdictOutcome Effective, IReadOnlyList<Waiver> Applied)
{
    public bool Waived => Effective != Panel;

    public static EffectiveVerdict Of(ProfileReport report, IEnumerable<Waiver> waivers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(waivers);
        var outcome = report.Verdict.Outcome;
        var failing = report.Verdict.Failing;
        if (outcome != VerdictOutcome.Fail || report.VersionHash is null || failing.Count == 0)
        {
            return new EffectiveVerdict(outcome, outcome, []);
        }
        var active = waivers.Where(w => w.ProfileId == report.ProfileId && w.VersionHash == report.VersionHash && w.ActiveAt(now)).ToList();
        var applied = active.Where(w => failing.Any(w.Covers)).ToList();
        return failing.All(d => active.Any(w => w.Covers(d)))
            ? new EffectiveVerdict(outcome, VerdictOutcome.Pass, applied)
            : new EffectiveVerdict(outcome, outcome, applied);
    }
}
