using Microsoft.Extensions.Logging;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Panel;

/// <summary>
/// A decorator that reuses a valid review recorded under the same <see cref="ReviewCacheKey"/> instead of asking the
/// model again, and stamps fresh reviews with their key so later runs can reuse them. <paramref name="fresh"/> skips
/// the look-up (the <c>--fresh</c> flag) but still stamps the key.
/// </summary>
public sealed partial class CachingReviewer(IReviewer inner, IReviewCache cache, string rubricSha256, bool fresh, ILogger logger) : IReviewer
{
    public ReviewerDescriptor Descriptor => inner.Descriptor;

    public async Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = ReviewCacheKey.For(profile.VersionHash, Descriptor, rubricSha256);
        if (!fresh && await cache.FindAsync(key, cancellationToken).ConfigureAwait(false) is { } found)
        {
            LogReused(logger, Descriptor.Id, profile.Id, found.RunId);
            return found.Review with { CacheKey = key, ReusedFromRun = found.RunId };
        }
        var review = await inner.ReviewAsync(profile, cancellationToken).ConfigureAwait(false);
        return review with { CacheKey = key };
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Reused review of {ReviewerId} for {ProfileId} from run {RunId}")]
    private static partial void LogReused(ILogger logger, string reviewerId, string profileId, string runId);
}
