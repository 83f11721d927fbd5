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
        return Of(report.ProfileId, report.VersionHash, report.Verdict.Outcome, report.Verdict.Failing, waivers, now);
    }

    public static EffectiveVerdict Of(ProfileSummary summary, IEnumerable<Waiver> waivers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Of(summary.ProfileId, summary.VersionHash, summary.Verdict, summary.Failing, waivers, now);
    }

    public static EffectiveVerdict Of(Storage.StoredVerdict verdict, IEnumerable<Waiver> waivers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return Of(verdict.ProfileId, verdict.VersionHash, verdict.Outcome, verdict.Failing, waivers, now);
    }

    private static EffectiveVerdict Of(string? profileId, string? versionHash, VerdictOutcome outcome, IReadOnlyList<string> failing, IEnumerable<Waiver> waivers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(waivers);
        if (outcome != VerdictOutcome.Fail || versionHash is null || failing.Count == 0)
        {
            return new EffectiveVerdict(outcome, outcome, []);
        }
        var active = waivers.Where(w => w.ProfileId == profileId && w.VersionHash == versionHash && w.ActiveAt(now)).ToList();
        var applied = active.Where(w => failing.Any(w.Covers)).ToList();
        return failing.All(d => active.Any(w => w.Covers(d)))
            ? new EffectiveVerdict(outcome, VerdictOutcome.Pass, applied)
            : new EffectiveVerdict(outcome, outcome, applied);
    }
}
