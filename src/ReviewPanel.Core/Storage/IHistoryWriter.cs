using ReviewPanel.Panel;
using ReviewPanel.Provenance;

namespace ReviewPanel.Storage;

/// <summary>The write side of the append-only, hash-chained history: runs and verdicts are inserted, never updated.</summary>
public interface IHistoryWriter
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

    /// <summary>
    /// Records a group of reports, in order, in one transaction (each as <see cref="RecordAsync"/> would, duplicates
    /// skipped): a crash loses the whole group or nothing, never half a record. Returns how many were recorded.
    /// </summary>
    Task<int> RecordManyAsync(IReadOnlyList<ProfileReport> reports, CancellationToken cancellationToken);
}
