using ReviewPanel.Profiles;

namespace ReviewPanel.Reviewing;

/// <summary>
/// Settles a disagreement: sees the conflicting reviews' rationales and evidence on one dimension and gives the
/// final score for it. Its answer is recorded as its own review (kind <c>adjudicator</c>).
/// </summary>
public interface IAdjudicator
{
    ReviewerDescriptor Descriptor { get; }

    Task<Review> AdjudicateAsync(RoleProfile profile, string dimension, IReadOnlyList<Review> conflicting, CancellationToken cancellationToken);
}
