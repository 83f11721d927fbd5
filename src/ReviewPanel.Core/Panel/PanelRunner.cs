using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Panel;

/// <summary>
/// The panel as a composite: every reviewer runs on the profile at once, one reviewer's crash becomes an error
/// review (data, not an exception), quotes are grounded, disagreements go to the adjudicator, and the gate decides.
/// Caching is not its concern: <see cref="PanelBuilder"/> wraps model reviewers in <see cref="CachingReviewer"/>.
/// </summary>
public sealed partial class PanelRunner(
    IReadOnlyList<IReviewer> reviewers,
    IAdjudicator? adjudicator,
    GateOptions gateOptions,
    TimeProvider time,
    ILogger<PanelRunner> logger,
    ReviewPanelMetrics? metrics = null,
    ReviewPanelActivities? activities = null)
{
    private readonly Gate _gate = new(gateOptions);
    private readonly IReadOnlyList<ReviewerDescriptor> _panel = reviewers.Select(r => r.Descriptor).ToList();

    public IReadOnlyList<IReviewer> Reviewers => reviewers;

    /// <summary>Profiles worth reviewing at once on this panel (set by <see cref="PanelBuilder"/>); default: the machine's cores.</summary>
    public int SuggestedParallelism { get; init; } = Environment.ProcessorCount;

    public async Task<ProfileReport> ReviewAsync(string runId, RoleProfile profile, CancellationToken cancellationToken)
    {
        using var activity = activities?.Start("reviewpanel.profile");
        activity?.SetTag("reviewpanel.run_id", runId);
        activity?.SetTag("reviewpanel.profile_id", profile.Id);
        var started = time.GetUtcNow();
        var grounding = new GroundingCheck(profile);
        var reviews = await Task.WhenAll(reviewers.Select(r => RunOneAsync(r, profile, cancellationToken))).ConfigureAwait(false);
        var grounded = reviews.Select(r => grounding.Apply(r, gateOptions.PassThreshold)).ToList();
        var adjudications = await AdjudicateAsync(profile, grounded, grounding, cancellationToken).ConfigureAwait(false);
        var verdict = _gate.Decide(grounded, adjudications, _panel);
        Trace(activity, verdict);

        return new ProfileReport
        {
            RunId = runId,
            Source = profile.Source,
            ProfileId = profile.Id,
            Title = profile.Title,
            VersionHash = profile.VersionHash,
            Verdict = verdict,
            Reviews = grounded,
            Adjudications = adjudications,
            Layers = ProvenanceBuilder.ForLayers(profile, grounded.Concat(adjudications)),
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
        };
    }

    /// <summary>The report for a file that could not be imported: an error verdict naming the reason.</summary>
    public ProfileReport ImportFailed(string runId, string source, string error)
    {
        using var activity = activities?.Start("reviewpanel.profile");
        activity?.SetTag("reviewpanel.run_id", runId);
        var verdict = new Verdict { Outcome = VerdictOutcome.Error, Error = error };
        Trace(activity, verdict);
        var now = time.GetUtcNow();
        return new ProfileReport
        {
            RunId = runId,
            Source = source,
            Verdict = verdict,
            StartedAt = now,
            FinishedAt = now,
        };
    }

    private async Task<Review> RunOneAsync(IReviewer reviewer, RoleProfile profile, CancellationToken cancellationToken)
    {
        var descriptor = reviewer.Descriptor;
        using var activity = StartReview(descriptor);
        Review review;
        var begun = time.GetTimestamp();
        try
        {
            review = await reviewer.ReviewAsync(profile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReviewerCrashed(logger, ex, descriptor.Id, profile.Id);
            review = Review.Failed(descriptor, $"{ex.GetType().Name}: {ex.Message}");
        }
        if (review.ReusedFromRun is not null)
        {
            activity?.SetTag("reviewpanel.cached", true);
        }
        else
        {
            Measure(activity, descriptor, review, begun);
        }
        if (review.Status != ReviewStatus.Ok)
        {
            LogErrorReview(logger, descriptor.Id, profile.Id, review.Error ?? review.Status.ToString());
        }
        return review;
    }

    private async Task<IReadOnlyList<Review>> AdjudicateAsync(RoleProfile profile, IReadOnlyList<Review> reviews, GroundingCheck grounding, CancellationToken cancellationToken)
    {
        if (adjudicator is null)
        {
            return [];
        }
        var results = new List<Review>();
        foreach (var dimension in Dimensions.All)
        {
            var scored = reviews
                .Where(r => r.Status == ReviewStatus.Ok && r.Scores.Any(s => s.Dimension == dimension && s.Score is not null && !s.Ungrounded))
                .ToList();
            var values = scored.Select(r => r.Scores.First(s => s.Dimension == dimension).Score!.Value).ToList();
            if (values.Count < 2 || values.Max() - values.Min() < gateOptions.DisagreementSpread || HasDeterministicFinding(reviews, dimension))
            {
                continue;
            }
            LogAdjudicating(logger, profile.Id, dimension, values.Min(), values.Max());
            Review adjudication;
            using var activity = StartReview(adjudicator.Descriptor);
            activity?.SetTag("reviewpanel.dimension", dimension);
            var begun = time.GetTimestamp();
            try
            {
                adjudication = await adjudicator.AdjudicateAsync(profile, dimension, scored, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                adjudication = Review.Failed(adjudicator.Descriptor, $"{ex.GetType().Name}: {ex.Message}");
            }
            Measure(activity, adjudicator.Descriptor, adjudication, begun);
            results.Add(grounding.Apply(adjudication, gateOptions.PassThreshold));
        }
        return results;
    }

    /// <summary>
    /// A grounded heuristic finding caps the dimension whatever a model says, so asking the adjudicator would spend a
    /// call that cannot change the verdict.
    /// </summary>
    private bool HasDeterministicFinding(IReadOnlyList<Review> reviews, string dimension) =>
        reviews.Any(r => r.Status == ReviewStatus.Ok && r.Kind == ReviewerKinds.Heuristic && r.Scores.Any(s =>
            s.Dimension == dimension && s.Score is { } v && gateOptions.IsBelowThreshold(v) && !s.Ungrounded && s.Evidence.Any(e => e.Grounded == true)));

    private Activity? StartReview(ReviewerDescriptor descriptor)
    {
        var activity = activities?.Start("reviewpanel.review");
        activity?.SetTag("reviewpanel.reviewer", descriptor.Id);
        activity?.SetTag("reviewpanel.reviewer_kind", descriptor.Kind);
        return activity;
    }

    private void Measure(Activity? activity, ReviewerDescriptor descriptor, Review review, long begun)
    {
        metrics?.ReviewerLatency.Record(
            time.GetElapsedTime(begun).TotalMilliseconds,
            new KeyValuePair<string, object?>("reviewer", descriptor.Id),
            new KeyValuePair<string, object?>("kind", descriptor.Kind));
        if (review.Status != ReviewStatus.Ok)
        {
            activity?.SetStatus(ActivityStatusCode.Error, review.Status.ToString());
        }
    }

    private void Trace(Activity? activity, Verdict verdict)
    {
        metrics?.RecordVerdict(verdict.Outcome);
        activity?.SetTag("reviewpanel.verdict", verdict.Outcome.ToString().ToLowerInvariant());
        if (verdict.Outcome == VerdictOutcome.Error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, verdict.Error);
        }
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Reviewer {ReviewerId} crashed on {ProfileId}; recorded as an error review")]
    private static partial void LogReviewerCrashed(ILogger logger, Exception exception, string reviewerId, string profileId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Reviewer {ReviewerId} returned an error review for {ProfileId}: {Error}")]
    private static partial void LogErrorReview(ILogger logger, string reviewerId, string profileId, string error);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Adjudicating {Dimension} of {ProfileId}: scores spread {Low}..{High}")]
    private static partial void LogAdjudicating(ILogger logger, string profileId, string dimension, int low, int high);
}
