namespace ReviewPanel.Storage;

/// <summary>Walks the history's hash chain.</summary>
public interface IChainVerifier
{
    /// <summary>Walks the whole chain and reports the first broken link.</summary>
    Task<ChainVerification> VerifyChainAsync(CancellationToken cancellationToken);
}
