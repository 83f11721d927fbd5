using Microsoft.Extensions.Logging;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Panel;

/// <summary>
/// Reviews a batch of files: import, panel, record, with bounded parallelism. One bad file is an error line and
/// the batch goes on. Only the small summaries are kept in memory, so memory stays flat as the batch grows.
/// </summary>
public sealed partial class BatchRunner(ProfileImporter importer, IHistoryWriter store, TimeProvider time, ILogger<BatchRunner> logger)
{
    public Task<BatchResult> RunAsync(
        PanelRunner panel,
        RunProvenance run,
        IReadOnlyList<string> sources,
        int maxParallelProfiles,
        Action<ProfileSummary>? onProfileDone,
        CancellationToken cancellationToken) =>
        RunAsync(panel, run, sources, (source, _) => ValueTask.FromResult(importer.Import(source)), maxParallelProfiles, onProfileDone, cancellationToken);

    /// <param name="load">How a source becomes a profile (reruns read the file, else the content stored when it was queued).</param>
    public async Task<BatchResult> RunAsync(
        PanelRunner panel,
        RunProvenance run,
        IReadOnlyList<string> sources,
        Func<string, CancellationToken, ValueTask<ImportResult>> load,
        int maxParallelProfiles,
        Action<ProfileSummary>? onProfileDone,
        CancellationToken cancellationToken)
    {
        using var activity = ReviewPanelTelemetry.StartActivity("reviewpanel.run");
        activity?.SetTag("reviewpanel.run_id", run.RunId);
        activity?.SetTag("reviewpanel.profiles", sources.Count);
        await store.StartRunAsync(run, cancellationToken).ConfigureAwait(false);
        var summaries = new ProfileSummary[sources.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelProfiles, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), parallel, async (i, ct) =>
        {
            var report = await ReviewOneAsync(panel, run.RunId, sources[i], load, ct).ConfigureAwait(false);
            await store.RecordAsync(report, ct).ConfigureAwait(false);
            var summary = ProfileSummary.From(report);
            LogVerdict(logger, run.RunId, summary.ProfileId ?? "", summary.Source, summary.Verdict.ToString(), summary.Minimum);
            summaries[i] = summary;
            onProfileDone?.Invoke(summary);
        }).ConfigureAwait(false);
        var finished = time.GetUtcNow();
        await store.FinishRunAsync(run.RunId, finished, cancellationToken).ConfigureAwait(false);
        return new BatchResult(run.RunId, summaries, run.StartedAt, finished);
    }

    private async Task<ProfileReport> ReviewOneAsync(PanelRunner panel, string runId, string source,
        Func<string, CancellationToken, ValueTask<ImportResult>> load, CancellationToken cancellationToken)
    {
        var imported = await load(source, cancellationToken).ConfigureAwait(false);
        if (!imported.IsSuccess)
        {
            LogImportFailed(logger, imported.Error.Path, imported.Error.Reason);
            return panel.ImportFailed(runId, source, imported.Error.Reason);
        }
        return await panel.ReviewAsync(runId, imported.Profile, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Verdict {Verdict} (minimum {Minimum}) for {ProfileId} from {Source} in run {RunId}")]
    private static partial void LogVerdict(ILogger logger, string runId, string profileId, string source, string verdict, double? minimum);

    // Debug, not Warning: the caller reports each bad file to the user as one "error:" line (and in its verdict); a
    // second, log-formatted copy of the same line on stderr is noise.
    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "{Path}: {Reason}")]
    private static partial void LogImportFailed(ILogger logger, string path, string reason);
}
