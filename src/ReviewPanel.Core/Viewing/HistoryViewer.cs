using Microsoft.Extensions.Options;
using ReviewPanel.Audit;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Viewing;

/// <summary>
/// The read use cases behind <c>reviewpanel serve</c>: runs, one run's reports, a profile drill-down, two runs compared,
/// and the queue; plus the pages rendered from them (<see cref="ViewerPages"/>). Reads only: nothing here writes history.
/// </summary>
public sealed class HistoryViewer(IHistoryReader history, IRunCatalog runs, IWorkQueue queue, RunReportQuery reports, ProfileImporter importer, IOptions<GateOptions> gate, Waivers.WaiverService waivers)
{
    public double PassThreshold => gate.Value.PassThreshold;

    public async Task<IReadOnlyList<RunListing>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
        await runs.ListRunsAsync(limit, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The run's reports and histories (constant number of queries), or null when unknown.</summary>
    public Task<ReportModel?> LoadRunAsync(string runId, CancellationToken cancellationToken) => reports.LoadAsync(runId, cancellationToken);

    /// <summary>The profile's report in <paramref name="runId"/> (its latest when null), its history and, when the file still matches, its layer text.</summary>
    public async Task<ProfileView?> LoadProfileAsync(string profileId, string? runId, CancellationToken cancellationToken)
    {
        var records = await history.GetHistoryAsync(profileId, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var record = runId is null ? records.FirstOrDefault() : records.FirstOrDefault(r => r.RunId == runId);
        if (record is null)
        {
            return null;
        }
        var report = await history.GetReportAsync(record.Sequence, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return null;
        }
        var run = await history.GetRunAsync(report.RunId, cancellationToken).ConfigureAwait(false);
        var points = records.OrderBy(r => r.RecordedAt).Select(r => new HistoryPoint(r.RunId, r.RecordedAt, r.Minimum)).ToList();
        return new ProfileView(report, run, points, LayerText(report), await waivers.EffectiveAsync(report, cancellationToken).ConfigureAwait(false));
    }

    private Dictionary<string, string> LayerText(ProfileReport report)
    {
        if (!File.Exists(report.Source))
        {
            return [];
        }
        var imported = importer.Import(report.Source);
        return imported.IsSuccess && imported.Profile.VersionHash == report.VersionHash
            ? imported.Profile.Layers.GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal)
            : [];
    }

    /// <summary>Records a waiver from the viewer's form through the same service as <c>reviewpanel waive</c>.</summary>
    /// <exception cref="ArgumentException">Unknown version or dimension, empty author or reason, expiry in the past.</exception>
    public Task<Waivers.Waiver> WaiveAsync(string profileId, string versionHash, IReadOnlyList<string> dimensions, string by, string reason, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken) =>
        waivers.WaiveAsync(profileId, versionHash, dimensions, by, reason, expiresAt, cancellationToken);

    /// <summary>Runs <paramref name="a"/> and <paramref name="b"/> on their shared profiles, or null when either is unknown.</summary>
    public async Task<RunComparison?> CompareAsync(string a, string b, CancellationToken cancellationToken)
    {
        var runA = await history.GetRunAsync(a, cancellationToken).ConfigureAwait(false);
        var runB = await history.GetRunAsync(b, cancellationToken).ConfigureAwait(false);
        if (runA is null || runB is null)
        {
            return null;
        }
        var before = await Latest(a, cancellationToken).ConfigureAwait(false);
        var after = await Latest(b, cancellationToken).ConfigureAwait(false);
        var deltas = new List<ProfileDelta>();
        foreach (var (id, current) in after.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(id, out var previous))
            {
                continue;
            }
            var dims = Dimensions.All.ToDictionary(
                d => d,
                d => (previous.Verdict.Dimensions.FirstOrDefault(x => x.Dimension == d)?.Aggregate, current.Verdict.Dimensions.FirstOrDefault(x => x.Dimension == d)?.Aggregate),
                StringComparer.Ordinal);
            deltas.Add(new ProfileDelta(id, previous.Verdict.Outcome, current.Verdict.Outcome, previous.Verdict.Minimum, current.Verdict.Minimum, dims,
                RunChanges.Compare(previous, runA, current, runB)));
        }
        // Rubric, prompts and models are properties of the runs: compare the run records themselves.
        var runLevel = before.Count > 0 && after.Count > 0
            ? RunChanges.Compare(before.Values.First(), runA, after.Values.First(), runB)
            : null;
        return new RunComparison(runA, runB, deltas,
            before.Keys.Except(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            after.Keys.Except(before.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            runLevel?.Rubric ?? (runA.RubricSha256 != runB.RubricSha256 ? new ValueChange(runA.RubricSha256, runB.RubricSha256) : null),
            runLevel?.Prompts ?? [], runLevel?.Models ?? []);
    }

    private async Task<Dictionary<string, ProfileReport>> Latest(string runId, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, ProfileReport>(StringComparer.Ordinal);
        await foreach (var r in history.GetRunReportsAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            byId[r.ProfileId ?? r.Source] = r;
        }
        return byId;
    }

    public Task<QueueStatus> QueueStatusAsync(CancellationToken cancellationToken) => queue.GetStatusAsync(cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> QueueItemsAsync(WorkState state, int limit, CancellationToken cancellationToken) =>
        await queue.ListAsync(state, cancellationToken).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
}
