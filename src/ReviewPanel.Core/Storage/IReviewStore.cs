namespace ReviewPanel.Storage;

/// <summary>
/// The append-only, hash-chained history as one backend implements it (SQLite embedded, PostgreSQL shared). Services
/// depend on the narrow part they use — <see cref="IHistoryWriter"/>, <see cref="IHistoryReader"/>,
/// <see cref="IChainVerifier"/> — and on <see cref="IWorkQueue"/> for the queue in the same database.
/// </summary>
public interface IReviewStore : IHistoryWriter, IHistoryReader, IChainVerifier;
