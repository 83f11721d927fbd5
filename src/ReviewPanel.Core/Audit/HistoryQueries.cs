using Microsoft.Extensions.Options;
using ReviewPanel.Panel;
using ReviewPanel.Probing;
using ReviewPanel.Provenance;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Audit;

/// <summary>The read side of the history: a profile's verdicts with what changed between them, reports for audits.</summary>
public sealed class HistoryQueries(IHistoryReader store, IChainVerifier chain, IOptions<GateOptions> gate, IWaiverStore waivers)
{
    /// <summary>Reviewer agreement, bias, leniency and drift over <paramref name="reports"/>, at the configured pass threshold.</summary>
    public AgreementReport Agreement(IReadOnlyList<ProfileReport> reports) => ReviewerAgreement.Analyze(reports, gate.Value.PassThreshold);

    /// <summary>Every verdict of the profile, newest first, each with what changed since the run before (null for the oldest, or a missing report).</summary>
    public async Task<IReadOnlyList<(StoredVerdict Record, RunChanges? Changes)>> GetHistoryAsync(string profileId, CancellationToken cancellationToken)
    {
        var records = await store.GetHistoryAsync(profileId, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var reports = new List<ProfileReport?>(records.Count);
        var runs = new Dictionary<string, RunProvenance?>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            reports.Add(await store.GetReportAsync(r.Sequence, cancellationToken).ConfigureAwait(false));
            if (!runs.ContainsKey(r.RunId))
            {
                runs[r.RunId] = await store.GetRunAsync(r.RunId, cancellationToken).ConfigureAwait(false);
            }
        }
        var result = new List<(StoredVerdict, RunChanges?)>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var changes = i + 1 < records.Count && reports[i] is { } current && reports[i + 1] is { } previous
                ? RunChanges.Compare(previous, runs[records[i + 1].RunId], current, runs[records[i].RunId])
                : null;
            result.Add((records[i], changes));
        }
        return result;
    }

    /// <summary>The latest full report of the profile, or null.</summary>
    public Task<ProfileReport?> GetLatestReportAsync(string profileId, CancellationToken cancellationToken) =>
        store.GetLatestReportAsync(profileId, cancellationToken);

    /// <summary>Each profile's latest report, or every report recorded since the date (all of each profile's history in range).</summary>
    public async Task<IReadOnlyList<ProfileReport>> GetReportsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        // Probe mutants are planted defects, not profiles: counting them would skew agreement toward easy calls.
        var latest = await store.GetLatestVerdictsAsync(cancellationToken).Where(v => !ProbeNames.IsMutant(v.ProfileId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sequences = new List<long>();
        if (since is null)
        {
            sequences.AddRange(latest.Select(v => v.Sequence));
        }
        else
        {
            foreach (var profileId in latest.Select(v => v.ProfileId).Distinct(StringComparer.Ordinal))
            {
                await foreach (var v in store.GetHistoryAsync(profileId, cancellationToken).ConfigureAwait(false))
                {
                    if (v.RecordedAt >= since)
                    {
                        sequences.Add(v.Sequence);
                    }
                }
            }
        }
        var reports = new List<ProfileReport>();
        foreach (var sequence in sequences.Distinct().Order())
        {
            if (await store.GetReportAsync(sequence, cancellationToken).ConfigureAwait(false) is { } report)
            {
                reports.Add(report);
            }
        }
        return reports;
    }

    /// <summary>Walks the whole chain and reports the first broken link.</summary>
    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken) => chain.VerifyChainAsync(cancellationToken);

    /// <summary>Walks the waiver chain (waivers are history records too) and reports the first broken link.</summary>
    public Task<ChainVerification> VerifyWaiversAsync(CancellationToken cancellationToken) => waivers.VerifyWaiversAsync(cancellationToken);

    /// <summary>Every waiver recorded for the profile, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewPanel.Waivers.Waiver>> GetWaiversAsync(string profileId, CancellationToken cancellationToken) =>
        await waivers.GetWaiversAsync(profileId, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
}
