using ReviewPanel.Reviewing;

namespace ReviewPanel.Panel;

/// <summary>
/// The configured model reviewers and their adjudicator. Reading either member loads and validates the configuration,
/// so an offline run never touches it; a bad configuration throws when first read.
/// </summary>
public interface IReviewerCatalog
{
    IReadOnlyList<IReviewer> Reviewers { get; }

    IAdjudicator Adjudicator { get; }

    /// <summary>Model calls the reviewers' endpoints allow in flight together (their concurrency limits summed).</summary>
    int MaxConcurrentCalls { get; }
}
