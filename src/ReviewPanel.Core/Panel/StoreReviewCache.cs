using ReviewPanel.Reviewing;
using ReviewPanel.Storage;

namespace ReviewPanel.Panel;

/// <summary>The history is the review cache: a valid review recorded under the same key is reused.</summary>
public sealed class StoreReviewCache(IHistoryReader store) : IReviewCache
{
    public Task<(Review Review, string RunId)?> FindAsync(string cacheKey, CancellationToken cancellationToken) =>
        store.FindCachedReviewAsync(cacheKey, cancellationToken);
}
