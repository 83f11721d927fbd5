using System.Globalization;
using Microsoft.Extensions.AI;
using ReviewPanel.Profiles;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// An adversarial LLM reviewer: one persona file, asked through <see cref="IChatClient"/> for a strict-JSON review of
/// its dimensions. Malformed replies are re-asked a bounded number of times and then become an error review that
/// keeps the raw replies; an error is never a score. With <see cref="LlmReviewerOptions.Repeats"/> K &gt; 1 the
/// review is asked K times and each dimension gets the lower median, with every repeat's score kept so unstable
/// dimensions can be flagged.
/// </summary>
public sealed class LlmReviewer : IReviewer, ICallEstimator
{
    private readonly PersonaFile _persona;
    private readonly ReviewPromptBuilder _prompts;
    private readonly IChatClient _chatClient;
    private readonly LlmReviewerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ReviewPanelMetrics? _metrics;
    private readonly ReviewPanelActivities? _activities;
    private readonly CompletionBudget? _budget;

    public LlmReviewer(PersonaFile persona, ReviewPromptBuilder prompts, IChatClient chatClient, LlmReviewerOptions options, TimeProvider? timeProvider = null,
        ReviewPanelMetrics? metrics = null, ReviewPanelActivities? activities = null)
    {
        _persona = persona ?? throw new ArgumentNullException(nameof(persona));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _chatClient = chatClient ?? throw new ArgumentNullException(nameof(chatClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _metrics = metrics;
        _activities = activities;
        _budget = options.AdaptMaxTokens ? new CompletionBudget(ReviewSchema.ReviewMaxOutputTokens(persona.Dimensions.Count)) : null;
        Descriptor = new ReviewerDescriptor(
            "llm." + persona.Id,
            persona.Sha256,
            ReviewerKinds.Llm,
            persona.Dimensions,
            options.Deployment ?? persona.Deployment,
            Settings(persona.Temperature, prompts.Rubric, ReviewPromptBuilder.ReviewInstructionsSha256, options, options.Repeats));
    }

    public ReviewerDescriptor Descriptor { get; }

    /// <summary>The persona file behind this reviewer.</summary>
    public PersonaFile Persona => _persona;

    /// <summary>The calls a review of <paramref name="profile"/> makes (one per repeat; re-asks not counted), built as they would be sent.</summary>
    public IReadOnlyList<CallEstimate> EstimateCalls(RoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var layerKeys = profile.Layers.Select(l => l.Key).Distinct(StringComparer.Ordinal).ToList();
        if (layerKeys.Count == 0)
        {
            return [];
        }
        var options = ReviewSchema.ReviewOptions(_persona, layerKeys);
        var prompt = CallEstimate.PromptTokensOf(_prompts.Build(_persona, profile).Messages);
        return [.. Enumerable.Repeat(new CallEstimate(Descriptor.Model, prompt, options.MaxOutputTokens ?? CallEstimate.DefaultMaxOutputTokens), Math.Max(1, _options.Repeats))];
    }

    public async Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Layers.Count == 0)
        {
            return Review.Failed(Descriptor, "the profile has no layers to review");
        }
        // Quotes may name only what the persona was shown; the schema names a fixed set, so it is the same every time.
        var layerKeys = ReviewPromptBuilder.ShownLayers(_persona, profile).Select(l => l.Key).Distinct(StringComparer.Ordinal).ToList();
        if (layerKeys.Count == 0)
        {
            return Review.Failed(Descriptor, $"the profile has none of the layers this persona reviews ({string.Join(", ", _persona.Layers ?? [])})");
        }

        var call = new StructuredChatCall(_chatClient, _timeProvider, _options.MaxReasks, Descriptor.Model, _metrics, _activities);
        var options = ReviewSchema.ReviewOptions(_persona, ReviewSchema.SchemaLayerKeys(_persona, [.. profile.Layers.Select(l => l.Key)]));
        var calls = new List<CallRecord>();
        var repeats = new List<ParsedReview>();
        var k = Math.Max(1, _options.Repeats);
        for (var i = 0; i < k; i++)
        {
            // A fresh prompt per repeat: each request gets its own boundary.
            var prompt = _prompts.Build(_persona, profile);
            var outcome = await call.RunAsync(
                prompt.Messages,
                options,
                reply => ReviewReplyValidator.ValidateReview(reply, _persona.Dimensions, layerKeys, _options.Gate.PassingScore),
                cancellationToken,
                _budget).ConfigureAwait(false);
            calls.Add(outcome.Call);
            if (outcome.Value is null)
            {
                var prefix = k > 1 ? $"repeat {(i + 1).ToString(CultureInfo.InvariantCulture)} of {k.ToString(CultureInfo.InvariantCulture)}: " : "";
                return Review.Failed(Descriptor, prefix + outcome.Error, calls);
            }
            repeats.Add(outcome.Value);
        }

        return new Review
        {
            ReviewerId = Descriptor.Id,
            ReviewerVersion = Descriptor.Version,
            Kind = Descriptor.Kind,
            Scores = k == 1 ? repeats[0].Scores : Median(repeats),
            Rationale = repeats[0].Summary,
            Injections = repeats.SelectMany(r => r.Injections).DistinctBy(e => (e.LayerKey, e.Quote)).ToList(),
            Calls = calls,
            Repeats = k == 1 ? [] : repeats.Select(r => r.Scores).ToList(),
        };
    }

    /// <summary>
    /// Per dimension, the lower median of the repeats' scores (an integer, as the rubric is). The rationale and
    /// evidence come from the first repeat that gave that score, so they argue for the score shown.
    /// </summary>
    internal static IReadOnlyList<DimensionScore> Median(IReadOnlyList<ParsedReview> repeats)
    {
        var result = new List<DimensionScore>();
        foreach (var first in repeats[0].Scores)
        {
            var perRepeat = repeats.Select(r => r.Scores.First(s => s.Dimension == first.Dimension)).ToList();
            var values = perRepeat.Select(s => s.Score!.Value).ToList();
            var sorted = values.Order().ToList();
            var median = sorted[(sorted.Count - 1) / 2];
            result.Add(perRepeat.First(s => s.Score == median) with { RepeatScores = values });
        }
        return result;
    }

    internal static IReadOnlyDictionary<string, string> Settings(
        double temperature, RubricDocument rubric, string instructionsSha256, LlmReviewerOptions options, int repeats)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["temperature"] = temperature.ToString("0.###", CultureInfo.InvariantCulture),
            ["rubric"] = rubric.Sha256,
            ["instructions"] = instructionsSha256,
            ["repeats"] = repeats.ToString(CultureInfo.InvariantCulture),
            ["passingScore"] = options.Gate.PassingScore.ToString(CultureInfo.InvariantCulture),
        };
        if (options.Endpoint is not null)
        {
            settings["endpoint"] = options.Endpoint;
        }
        return settings;
    }
}
