namespace ReviewPanel.Storage;

/// <summary>Walks the history's hash chain and reads its head, for checkpoints that anchor it outside the database.</summary>
public interface IChainVerifier
{
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
