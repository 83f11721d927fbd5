using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Storage;

/// <summary>The read side of the history, with bulk reads so a report of a whole run costs a constant number of queries.</summary>
public interface IHistoryReader
{
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

    /// <summary>Every full report recorded in one run, in order, streamed from one query.</summary>
    IAsyncEnumerable<ProfileReport> GetRunReportsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Every verdict, oldest first, of every profile that has one in the run (its whole history), from one query.</summary>
    IAsyncEnumerable<StoredVerdict> GetRunProfileHistoriesAsync(string runId, CancellationToken cancellationToken);

    /// <summary>A valid (status ok) review recorded under this cache key, with the run it came from, or null.</summary>
    Task<(Review Review, string RunId)?> FindCachedReviewAsync(string cacheKey, CancellationToken cancellationToken);
}
