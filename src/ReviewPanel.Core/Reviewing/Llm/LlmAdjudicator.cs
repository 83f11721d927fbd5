using Microsoft.Extensions.AI;
using ReviewPanel.Profiles;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// Settles one disputed dimension with a model that sees the conflicting reviews' scores, rationales and evidence
/// next to the fenced profile (prompt <c>prompts/adjudicator.md</c>, schema <c>adjudication</c>). Its answer is a
/// review of kind <c>adjudicator</c> scoring only that dimension, with its refutation claims (the gate rules on them).
/// A score below the pass line carries the evidence the conflicting critiques cited.
/// </summary>
public sealed class LlmAdjudicator : IAdjudicator
{
    private readonly PersonaFile _prompt;
    private readonly ReviewPromptBuilder _prompts;
    private readonly IChatClient _chatClient;
    private readonly LlmReviewerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ReviewPanelMetrics? _metrics;
    private readonly ReviewPanelActivities? _activities;

    public LlmAdjudicator(PersonaFile prompt, ReviewPromptBuilder prompts, IChatClient chatClient, LlmReviewerOptions options, TimeProvider? timeProvider = null,
        ReviewPanelMetrics? metrics = null, ReviewPanelActivities? activities = null)
    {
        _prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _chatClient = chatClient ?? throw new ArgumentNullException(nameof(chatClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _metrics = metrics;
        _activities = activities;
        Descriptor = new ReviewerDescriptor(
            "llm." + prompt.Id,
            prompt.Sha256,
            ReviewerKinds.Adjudicator,
            prompt.Dimensions,
            options.Deployment ?? prompt.Deployment,
            LlmReviewer.Settings(prompt.Temperature, prompts.Rubric, ReviewPromptBuilder.AdjudicationInstructionsSha256, options, repeats: 1));
    }

    public ReviewerDescriptor Descriptor { get; }

    public async Task<Review> AdjudicateAsync(RoleProfile profile, string dimension, IReadOnlyList<Review> conflicting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(conflicting);
        if (!Dimensions.IsKnown(dimension))
        {
            return Review.Failed(Descriptor, $"cannot adjudicate unknown dimension '{dimension}'");
        }
        var scored = conflicting
            .Where(r => r.Status == ReviewStatus.Ok)
            .Select(r => (Review: r, Score: r.Scores.FirstOrDefault(s => s.Dimension == dimension && !s.IsAbstention)))
            .Where(x => x.Score is not null)
            .ToList();
        if (scored.Count == 0)
        {
            return Review.Failed(Descriptor, $"no review scored '{dimension}'; nothing to adjudicate");
        }

        var prompt = _prompts.BuildAdjudication(_prompt, profile, dimension, [.. scored.Select(x => x.Review)]);
        var layerKeys = profile.Layers.Select(l => l.Key).Distinct(StringComparer.Ordinal).ToList();
        var call = new StructuredChatCall(_chatClient, _timeProvider, _options.MaxReasks, Descriptor.Model, _metrics, _activities);
        var outcome = await call.RunAsync(
            prompt.Messages,
            ReviewSchema.AdjudicationOptions(_prompt, dimension, layerKeys),
            reply => ReviewReplyValidator.ValidateAdjudication(reply, dimension, layerKeys),
            cancellationToken).ConfigureAwait(false);
        if (outcome.Value is not { } verdict)
        {
            return Review.Failed(Descriptor, outcome.Error!, [outcome.Call]);
        }

        var gate = _options.Gate;
        IReadOnlyList<Evidence> evidence = gate.IsBelowThreshold(verdict.Score)
            ? [.. scored
                .Where(x => gate.IsBelowThreshold(x.Score!.Score!.Value))
                .SelectMany(x => x.Score!.Evidence.Select(e => e with { Note = e.Note ?? $"cited by {x.Review.ReviewerId}" }))
                .DistinctBy(e => (e.LayerKey, e.Quote))]
            : [];
        return new Review
        {
            ReviewerId = Descriptor.Id,
            ReviewerVersion = Descriptor.Version,
            Kind = Descriptor.Kind,
            Scores = [new DimensionScore(dimension, verdict.Score, verdict.Rationale, evidence)],
            Rationale = verdict.Rationale,
            Refutations = verdict.Refutations,
            Calls = [outcome.Call],
        };
    }
}
