using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Storage;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Panel;

/// <summary>
/// Reviews a batch of files: import, panel, record, with bounded parallelism. One bad file is an error line and
/// the batch goes on. Only the small summaries are kept, and beyond 2,000 profiles in a temporary file, so memory
/// stays flat as the batch grows.
/// </summary>
public sealed partial class BatchRunner(ProfileImporter importer, IHistoryWriter store, TimeProvider time, ILogger<BatchRunner> logger,
    ReviewPanelActivities? activities = null)
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
    /// <param name="keepStarting">Asked before each profile starts; false leaves it not reviewed.</param>
    /// <param name="waitToStart">Awaited before each profile starts (an open circuit holds it); a message instead of null makes the profile an error saying why.</param>
    /// <param name="onReviewed">Called as each review finishes, before the next one this slot starts (the spend a budget counts).</param>
    public async Task<BatchResult> RunAsync(
        PanelRunner panel,
        RunProvenance run,
        IReadOnlyList<string> sources,
        Func<string, CancellationToken, ValueTask<ImportResult>> load,
        int maxParallelProfiles,
        Action<ProfileSummary>? onProfileDone,
        CancellationToken cancellationToken,
        Func<bool>? keepStarting = null,
        Action<ProfileSummary>? onReviewed = null,
        Func<CancellationToken, ValueTask<string?>>? waitToStart = null)
    {
        using var activity = activities?.Start("reviewpanel.run");
        activity?.SetTag("reviewpanel.run_id", run.RunId);
        activity?.SetTag("reviewpanel.profiles", sources.Count);
        // Before the run is recorded: a temporary folder that cannot take the summaries stops the batch with nothing written.
        var summaries = new SummaryList(sources.Count, SpillAbove); // outlives this call: the result reads it
        await store.StartRunAsync(run, cancellationToken).ConfigureAwait(false);
        // Reviews run in parallel; one writer records their reports in groups (one transaction each), so the store's
        // write lock is taken once per group instead of once per profile, and nothing waits on it but the writer.
        var reports = Channel.CreateBounded<(int Index, ProfileReport Report, ProfileSummary Summary, object Encoded)>(new BoundedChannelOptions(GroupSize) { SingleReader = true });
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(reports.Reader, run.RunId, summaries, onProfileDone, abort);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelProfiles, CancellationToken = abort.Token };
            await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), parallel, async (i, ct) =>
            {
                if (keepStarting?.Invoke() == false)
                {
                    return; // its summary stays null: not reviewed
                }
                var refused = waitToStart is null ? null : await waitToStart(ct).ConfigureAwait(false);
                if (refused is null && keepStarting?.Invoke() == false)
                {
                    return; // the budget ran out while it waited
                }
                var report = refused is null
                    ? await ReviewOneAsync(panel, run.RunId, sources[i], load, ct).ConfigureAwait(false)
                    : panel.ImportFailed(run.RunId, sources[i], refused);
                // The summary (and its spill encoding) is made here, in parallel, not by the one writer.
                var summary = ProfileSummary.From(report);
                onReviewed?.Invoke(summary);
                await reports.Writer.WriteAsync((i, report, summary, summaries.Encode(summary)), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the writer cancels on its own: it failed and stopped the reviews, and its fault is rethrown below.
        }
        finally
        {
            reports.Writer.TryComplete();
        }
        await writer.ConfigureAwait(false);
        var finished = time.GetUtcNow();
        await store.FinishRunAsync(run.RunId, finished, cancellationToken).ConfigureAwait(false);
        var notReviewed = sources.Where((_, i) => !summaries.Has(i)).ToList();
        return new BatchResult(run.RunId, summaries.Complete(), run.StartedAt, finished) { NotReviewed = notReviewed };
    }

    /// <summary>Batches larger than this keep their summaries in a temporary file (<see cref="SummaryList"/>), not in memory.</summary>
    public int SpillAbove { get; init; } = SummaryList.DefaultSpillAbove;

    /// <summary>
    /// The most reports recorded in one transaction, and the most waiting for the writer. Groups average 13 to 17
    /// reports offline (the writer takes what has arrived); a longer queue (256 before) only kept finished reports
    /// alive long enough to be promoted by the GC (see <see cref="Heuristics.HeuristicText"/>).
    /// </summary>
    internal const int GroupSize = 32;

    private async Task WriteAsync(ChannelReader<(int Index, ProfileReport Report, ProfileSummary Summary, object Encoded)> reader, string runId, SummaryList summaries,
        Action<ProfileSummary>? onProfileDone, CancellationTokenSource abort)
    {
        var group = new List<(int Index, ProfileReport Report, ProfileSummary Summary, object Encoded)>(GroupSize);
        try
        {
            // Drained to the end even when the caller cancels: every finished review is recorded.
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (group.Count < GroupSize && reader.TryRead(out var item))
                {
                    group.Add(item);
                }
                await store.RecordManyAsync([.. group.Select(g => g.Report)], CancellationToken.None).ConfigureAwait(false);
                foreach (var (index, _, summary, encoded) in group)
                {
                    LogVerdict(logger, runId, summary.ProfileId ?? "", summary.Source, summary.Verdict.ToString(), summary.Minimum);
                    summaries.Set(index, encoded);
                    onProfileDone?.Invoke(summary);
                }
                group.Clear();
            }
        }
        catch
        {
            // A store that cannot record stops the reviews: nothing is reviewed that could not be kept.
            await abort.CancelAsync().ConfigureAwait(false);
            throw;
        }
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
