using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Worker;

/// <summary>
/// The hosted worker: claims jobs from the durable queue (and feeds it from the inbox), reviews up to
/// <see cref="WorkerOptions.MaxInFlight"/> at once, renews their leases, and commits each verdict with its job.
/// On stop it claims nothing more, lets in-flight reviews finish for <see cref="WorkerOptions.DrainSeconds"/>, then
/// releases the rest. A job that throws is retried until <see cref="WorkerOptions.MaxAttempts"/>, then set aside.
/// </summary>
internal sealed class QueueWorker(
    IOptions<WorkerOptions> options,
    IWorkQueue queue,
    IHistoryWriter store,
    ProfileImporter importer,
    PanelBuilder builder,
    ChainCheckpoints checkpoints,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<QueueWorker> logger,
    IOptions<PricingOptions>? pricing = null,
    ICircuitStatus? circuits = null) : BackgroundService
{
    private readonly WorkerOptions settings = options.Value;
    private readonly CostBudget? budget = options.Value.MaxCost is { } limit ? new CostBudget(limit, pricing?.Value ?? new PricingOptions()) : null;
    private readonly ConcurrentDictionary<string, Task> startedRuns = new(StringComparer.Ordinal);
    private volatile bool inboxChanged;
    private readonly WorkerTally tally = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Kestrel (the worker's HTTP port) starts after the hosted services: claim nothing before the whole host has
        // started, so a port in use stops the worker before it accepts any inbox file.
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        var (panel, run) = builder.Open(settings.Panel, fresh: false, "worker");
        var inbox = settings.Inbox is { Length: > 0 } path ? new InboxScanner(Path.GetFullPath(path), importer, queue, time, logger) : null;
        using var watcher = inbox is null ? null : Watch(settings.Inbox!);
        var nextScan = DateTimeOffset.MinValue;
        WorkerLog.Started(logger, settings.WorkerId, settings.MaxInFlight, settings.LeaseSeconds, settings.Inbox ?? "(none)");
        var startedAt = time.GetTimestamp();

        // Reviews get their own token: stopping must not cancel them until the drain time is up.
        using var drain = new CancellationTokenSource();
        var inFlight = new HashSet<Task>();
        DateTimeOffset? failingSince = null;
        Exception? fault = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var foundWork = false;
            try
            {
                if (inbox is not null && (time.GetUtcNow() >= nextScan || inboxChanged))
                {
                    inboxChanged = false;
                    var queued = await inbox.ScanAsync(run.RunId, stoppingToken).ConfigureAwait(false);
                    // Files still settling are looked at again as soon as they may have settled, not a whole ScanSeconds later.
                    nextScan = time.GetUtcNow() + (inbox.Pending > 0 ? InboxScanner.SettleTime : TimeSpan.FromSeconds(settings.ScanSeconds));
                    if (queued > 0)
                    {
                        foundWork = true;
                        await EnsureRunStartedAsync(run, run.RunId).ConfigureAwait(false);
                        WorkerLog.InboxQueued(logger, queued, run.RunId);
                    }
                }
                if (budget is { Exhausted: true } && inFlight.Count == 0)
                {
                    fault = new CostLimitReachedException(budget.Unpriced is { } unpriced
                        ? $"stopped at max cost {budget.Limit.ToString("0.####", CultureInfo.InvariantCulture)} {budget.Currency} after {tally.Reviewed} profiles: the cost of deployment {unpriced} is unknown (no price in ReviewPanel:Pricing); the rest stay queued"
                        : $"stopped at max cost {budget.Limit.ToString("0.####", CultureInfo.InvariantCulture)} {budget.Currency} after {tally.Reviewed} profiles (spent {budget.Spent.ToString("0.####", CultureInfo.InvariantCulture)}); the rest stay queued");
                    break;
                }
                // Claim nothing while the budget is spent, or while a model endpoint's circuit is open (its break must end
                // first: a job started now could only error); queued jobs wait for the next claim.
                while (inFlight.Count < settings.MaxInFlight && !stoppingToken.IsCancellationRequested && budget is not { Exhausted: true } && circuits?.OpenFor is null)
                {
                    var job = await queue.ClaimAsync(settings.WorkerId, settings.Lease, settings.MaxAttempts, stoppingToken).ConfigureAwait(false);
                    if (job is null)
                    {
                        break;
                    }
                    foundWork = true;
                    inFlight.Add(ProcessAsync(job, panel, run, drain.Token));
                }
                // Idle means nothing queued or leased AND no inbox file still settling: a file copied in just before
                // the start is waited for, not left behind.
                if (!foundWork && inFlight.Count == 0 && settings.ExitWhenIdle && (inbox?.Pending ?? 0) == 0
                    && await IsQueueEmptyAsync(stoppingToken).ConfigureAwait(false))
                {
                    WorkerLog.Idle(logger, settings.WorkerId);
                    lifetime.StopApplication();
                    break;
                }
                failingSince = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (StoreUnavailableException ex)
            {
                // The history file is gone or replaced: nothing more may be claimed or committed.
                fault = ex;
                break;
            }
            catch (Exception ex) when (IsTransientStoreFault(ex))
            {
                // Bounded: a store that stays read-only or full ends the worker with one line and exit 2, not an endless loop.
                var now = time.GetUtcNow();
                if (failingSince is null)
                {
                    failingSince = now;
                    WorkerLog.QueueUnavailable(logger, ex.Message, settings.StoreRetrySeconds);
                }
                else if (now - failingSince.Value >= TimeSpan.FromSeconds(settings.StoreRetrySeconds))
                {
                    fault = ex;
                    break;
                }
                else
                {
                    WorkerLog.QueueStillUnavailable(logger, ex.Message);
                }
            }

            var waits = new List<Task>(inFlight) { Task.Delay(TimeSpan.FromMilliseconds(settings.PollMilliseconds), time, stoppingToken) };
            if (inFlight.Count >= settings.MaxInFlight || !foundWork)
            {
                await Task.WhenAny(waits).ConfigureAwait(false);
            }
            inFlight.RemoveWhere(t => t.IsCompleted);
        }

        WorkerLog.Stopping(logger, settings.WorkerId, inFlight.Count, settings.DrainSeconds);
        drain.CancelAfter(TimeSpan.FromSeconds(settings.DrainSeconds));
        await Task.WhenAll(inFlight).ConfigureAwait(false);
        tally.Log(logger, settings.WorkerId, time.GetElapsedTime(startedAt));
        if (fault is not null)
        {
            // Faults the loop: the host stops and the worker command reports the cause as one line, exit 2.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    private FileSystemWatcher Watch(string inbox)
    {
        Directory.CreateDirectory(inbox);
        var watcher = new FileSystemWatcher(inbox) { IncludeSubdirectories = false, EnableRaisingEvents = true };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        return watcher;
    }

    // The watcher only flags a rescan; the scan itself runs on the worker's loop (and every ScanSeconds anyway).
    private void Wake() => inboxChanged = true;

    private async Task<bool> IsQueueEmptyAsync(CancellationToken cancellationToken)
    {
        var status = await queue.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        return status.Counts[WorkState.Queued] + status.Counts[WorkState.Errored] + status.Counts[WorkState.Leased] == 0;
    }

    private Task EnsureRunStartedAsync(ReviewPanel.Provenance.RunProvenance template, string runId) =>
        startedRuns.GetOrAdd(runId, id => store.StartRunAsync(template with { RunId = id }, CancellationToken.None));

    private async Task ProcessAsync(WorkItem job, PanelRunner panel, ReviewPanel.Provenance.RunProvenance run, CancellationToken drainToken)
    {
        // Yield so the claim loop goes on while this review runs.
        await Task.Yield();
        using var review = CancellationTokenSource.CreateLinkedTokenSource(drainToken);
        var leaseLost = false;
        using var renewStop = new CancellationTokenSource();
        var renewal = RenewAsync(job, () => { leaseLost = true; review.Cancel(); }, renewStop.Token);
        try
        {
            await EnsureRunStartedAsync(run, job.RunId).ConfigureAwait(false);
            if (settings.FailFileNames.Contains(Path.GetFileName(job.Source), StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"fault injected for {Path.GetFileName(job.Source)} (ReviewPanel:Worker:FailFileNames)");
            }
            var imported = importer.Import(job.Source, job.Content);
            var report = imported.IsSuccess
                ? await panel.ReviewAsync(job.RunId, imported.Profile, review.Token).ConfigureAwait(false)
                : panel.ImportFailed(job.RunId, job.Source, imported.Error.Reason);
            review.Token.ThrowIfCancellationRequested();
            // The review is finished: commit it even while draining, so the work is not done twice.
            await queue.CompleteAsync(job, report, CancellationToken.None).ConfigureAwait(false);
            budget?.Add(ProfileSummary.From(report));
            WorkerLog.JobDone(logger, job.Id, job.Source, settings.WorkerId, report.Verdict.Outcome.ToString());
            await checkpoints.WriteAsync(CancellationToken.None).ConfigureAwait(false);
            tally.Done(report.Verdict.Outcome);
        }
        catch (OperationCanceledException) when (review.IsCancellationRequested)
        {
            if (leaseLost)
            {
                WorkerLog.LeaseLost(logger, job.Id);
            }
            else if (await queue.ReleaseAsync(job, CancellationToken.None).ConfigureAwait(false))
            {
                WorkerLog.JobReleased(logger, job.Id, job.Source);
            }
        }
        catch (Exception ex) when (IsStoreFault(ex))
        {
            // The store could not take the result (full, read-only, gone): not the profile's fault, so no attempt is
            // spent. Its transaction recorded nothing; the job goes back to the queue, or, if even that cannot be
            // written, comes back when its lease runs out. The claim loop meets the same fault and ends the worker
            // after StoreRetrySeconds with one error line.
            WorkerLog.JobNotRecorded(logger, job.Id, job.Source, ex.Message);
            try
            {
                await queue.ReleaseAsync(job, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception again) when (IsStoreFault(again))
            {
                // The lease expires instead.
            }
        }
        catch (Exception ex)
        {
            var state = await queue.FailAsync(job, $"{ex.GetType().Name}: {ex.Message}", settings.MaxAttempts, CancellationToken.None).ConfigureAwait(false);
            WorkerLog.JobFailed(logger, ex, job.Id, job.Source, job.Attempt, state.ToString());
            tally.JobError();
        }
        finally
        {
            await renewStop.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    // A store that cannot take a write now (full, read-only, locked, timed out): the claim loop retries it for StoreRetrySeconds.
    private static bool IsTransientStoreFault(Exception ex) => ex is System.Data.Common.DbException or IOException or TimeoutException;

    // Any store fault, including one that ends the worker at once (the history file gone or replaced).
    private static bool IsStoreFault(Exception ex) => ex is StoreUnavailableException || IsTransientStoreFault(ex);

    private async Task RenewAsync(WorkItem job, Action onLost, CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, settings.LeaseSeconds / 3.0));
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken).ConfigureAwait(false);
                if (!await queue.RenewLeaseAsync(job, settings.Lease, cancellationToken).ConfigureAwait(false))
                {
                    onLost();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished or was released.
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            // Could not renew: the lease may run out and another worker take over; the commit stays idempotent.
            WorkerLog.QueueUnavailable(logger, ex.Message, settings.StoreRetrySeconds);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
    }
}
