using ReviewPanel.Panel;

namespace ReviewPanel.Storage;

/// <summary>
/// The durable queue of drafts waiting for review, kept in the same database as the history. Jobs move
/// queued → leased (one worker, until its lease expires) → done, or errored → (after the allowed attempts) dead.
/// The queue is operational state and is updated in place; the history it feeds stays append-only.
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Stores each draft's content with its source under <paramref name="runId"/>; returns how many were newly queued. A
    /// draft is skipped when a job with the same content (SHA-256) is already queued, leased or errored, or when its
    /// <see cref="QueuedDraft.DedupeKey"/> was seen before.
    /// </summary>
    Task<int> EnqueueAsync(string runId, IReadOnlyList<QueuedDraft> drafts, CancellationToken cancellationToken);

    /// <summary>
    /// Leases the oldest claimable job (queued, errored, or leased with an expired lease) to <paramref name="workerId"/>,
    /// or returns null. A job whose lease expired after <paramref name="maxAttempts"/> attempts (its worker kept dying)
    /// goes dead instead. Safe across processes and machines: no two workers get the same live lease.
    /// </summary>
    Task<WorkItem?> ClaimAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Extends a lease the worker still holds; false when it was lost (expired and taken, or finished).</summary>
    Task<bool> RenewLeaseAsync(WorkItem item, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the job's verdict (as <see cref="IHistoryWriter.RecordAsync"/>) and marks the job done, in one transaction.
    /// Idempotent: when the verdict for this run and profile version already exists nothing is recorded twice
    /// (returns false) and the job is still marked done.
    /// </summary>
    Task<bool> CompleteAsync(WorkItem item, ProfileReport report, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: errored (claimable again), or dead once <paramref name="maxAttempts"/> are used.</summary>
    Task<WorkState> FailAsync(WorkItem item, string error, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Gives a leased job back untouched (a graceful stop): queued again, the attempt not counted.</summary>
    Task<bool> ReleaseAsync(WorkItem item, CancellationToken cancellationToken);

    Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>The jobs in one state, oldest first, without their content.</summary>
    IAsyncEnumerable<WorkItem> ListAsync(WorkState state, CancellationToken cancellationToken);

    /// <summary>Puts a dead or errored job back in the queue with its attempts reset; false when there is no such job.</summary>
    Task<bool> RequeueAsync(long id, CancellationToken cancellationToken);

    /// <summary>Requeues every dead job; returns how many.</summary>
    Task<int> RequeueDeadAsync(CancellationToken cancellationToken);

    /// <summary>The content most recently enqueued from <paramref name="source"/>, or null (for reruns of deleted files).</summary>
    Task<byte[]?> FindLatestContentAsync(string source, CancellationToken cancellationToken);
}
