using ReviewPanel.Reviewing;

namespace ReviewPanel.Panel;

/// <summary>Where earlier valid reviews are found by what determines them (see <see cref="ReviewCacheKey"/>).</summary>
public interface IReviewCache
{
    /// <returns>The cached review and the run that produced it, or null.</returns>
    Task<(Review Review, string RunId)?> FindAsync(string cacheKey, CancellationToken cancellationToken);
}
