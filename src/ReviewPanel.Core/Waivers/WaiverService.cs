using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Waivers;

/// <summary>Records waivers (checked against the history) and gives a report's effective verdict.</summary>
public sealed class WaiverService(IWaiverStore waivers, IHistoryReader history, TimeProvider time)
{
    /// <exception cref="ArgumentException">Unknown profile version or dimension, empty author or reason.</exception>
    public async Task<Waiver> WaiveAsync(string profileId, string versionHash, IReadOnlyList<string> dimensions, string by, string reason, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(by) || string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("a waiver needs --by and --reason");
        }
        var unknown = dimensions.Where(d => !Dimensions.IsKnown(d) && d != Verdict.InjectionRule).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown dimension {string.Join(", ", unknown)}; known: {string.Join(", ", Dimensions.All)}, {Verdict.InjectionRule}");
        }
        var versions = await history.GetHistoryAsync(profileId, cancellationToken).Select(v => v.VersionHash).ToListAsync(cancellationToken).ConfigureAwait(false);
        var match = versions.Where(v => v.StartsWith(versionHash, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (match.Count != 1)
        {
            throw new ArgumentException(match.Count == 0
                ? $"profile '{profileId}' has no recorded version {versionHash}"
                : $"version prefix {versionHash} is ambiguous for profile '{profileId}'");
        }
        if (expiresAt is { } e && e <= time.GetUtcNow())
        {
            throw new ArgumentException("--expires is in the past");
        }
        return await waivers.AddWaiverAsync(new Waiver
        {
            ProfileId = profileId,
            VersionHash = match[0],
            Dimensions = dimensions,
            By = by.Trim(),
            Reason = reason.Trim(),
            ExpiresAt = expiresAt,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Waiver>> ListAsync(string profileId, CancellationToken cancellationToken) =>
        await waivers.GetWaiversAsync(profileId, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The panel's verdict and the effective one for this report, with the waivers that apply.</summary>
    public async Task<EffectiveVerdict> EffectiveAsync(ProfileReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var list = report.ProfileId is null ? [] : await ListAsync(report.ProfileId, cancellationToken).ConfigureAwait(false);
        return EffectiveVerdict.Of(report, list, time.GetUtcNow());
    }

    /// <summary>The latest report of the profile with its effective verdict, or null when none is recorded.</summary>
    public async Task<(ProfileReport Report, EffectiveVerdict Effective)?> LatestAsync(string profileId, CancellationToken cancellationToken)
    {
        var report = await history.GetLatestReportAsync(profileId, cancellationToken).ConfigureAwait(false);
        return report is null ? null : (report, await EffectiveAsync(report, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The effective verdict of every failing profile of a batch that a waiver covers, by profile id.</summary>
    public async Task<IReadOnlyDictionary<string, EffectiveVerdict>> WaivedAsync(BatchResult batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var waived = new Dictionary<string, EffectiveVerdict>(StringComparer.Ordinal);
        foreach (var p in batch.Profiles.Where(p => p.Verdict == VerdictOutcome.Fail && p.ProfileId is not null))
        {
            var effective = EffectiveVerdict.Of(p, await ListAsync(p.ProfileId!, cancellationToken).ConfigureAwait(false), time.GetUtcNow());
            if (effective.Waived)
            {
                waived[p.ProfileId!] = effective;
            }
        }
        return waived;
    }

    /// <summary>Whether a person's waiver makes this recorded failing verdict pass (so <c>rerun --failed</c> leaves it).</summary>
    public async Task<bool> IsWaivedAsync(Storage.StoredVerdict verdict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Outcome != VerdictOutcome.Fail || verdict.ProfileId.Length == 0) return false;
        return EffectiveVerdict.Of(verdict, await ListAsync(verdict.ProfileId, cancellationToken).ConfigureAwait(false), time.GetUtcNow()).Waived;
    }

    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken) => waivers.VerifyWaiversAsync(cancellationToken);
}
