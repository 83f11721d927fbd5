using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Storage;

/// <summary>
/// The append-only, hash-chained history. One interface, two backends (SQLite embedded, PostgreSQL shared).
/// Nothing is updated in place: a run's end is a new record, a re-review is a new verdict.
/// </summary>
public interface IReviewStore
{
    /// <summary>Creates or migrates the schema to the current version.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task StartRunAsync(RunProvenance run, CancellationToken cancellationToken);

    /// <summary>Appends a run-finished record.</summary>
    Task FinishRunAsync(string runId, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records a profile version, its reviews and its verdict in one transaction, chained to the previous verdict.
    /// Idempotent: a second call for the same run and profile version (or source, when import failed) records
    /// nothing and returns false.
    /// </summary>
    Task<bool> RecordAsync(ProfileReport report, CancellationToken cancellationToken);

    /// <summary>Every verdict of the profile, newest first.</summary>
    IAsyncEnumerable<StoredVerdict> GetHistoryAsync(string profileId, CancellationToken cancellationToken);

    /// <summary>The latest full report recorded for the profile, or null.</summary>
    Task<ProfileReport?> GetLatestReportAsync(string profileId, CancellationToken cancellationToken);

    /// <summary>The full report of one verdict record.</summary>
    Task<ProfileReport?> GetReportAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>The latest verdict of every profile (for reruns and reports).</summary>
    IAsyncEnumerable<StoredVerdict> GetLatestVerdictsAsync(CancellationToken cancellationToken);

    Task<RunProvenance?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The most recent run id, or null when there is none.</summary>
    Task<string?> GetLatestRunIdAsync(CancellationToken cancellationToken);

    /// <summary>The verdicts recorded in one run, in order.</summary>
    IAsyncEnumerable<StoredVerdict> GetRunVerdictsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>A valid (status ok) review recorded under this cache key, with the run it came from, or null.</summary>
    Task<(Review Review, string RunId)?> FindCachedReviewAsync(string cacheKey, CancellationToken cancellationToken);

    /// <summary>Walks the whole chain and reports the first broken link.</summary>
    Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The record hash at <paramref name="sequence"/> (1-based), or null when there is no such record: with the newest
    /// sequence it is the chain's head, which a checkpoint outside the database anchors.
    /// </summary>
    Task<string?> GetRecordShaAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>The newest record's sequence (the record count of an intact chain), 0 when the history is empty.</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken);
}
