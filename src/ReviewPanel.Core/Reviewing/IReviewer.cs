using ReviewPanel.Profiles;

namespace ReviewPanel.Reviewing;

/// <summary>One reviewer of a role profile: heuristic or LLM, same contract.</summary>
public interface IReviewer
{
    ReviewerDescriptor Descriptor { get; }

    /// <summary>Reviews the profile. May throw; the panel turns an exception into an error review.</summary>
    Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken);
}
