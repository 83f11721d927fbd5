using Microsoft.Extensions.Options;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Scoring;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Llm;

/// <summary>
/// The configured LLM reviewers (one per persona file) and the adjudicator, each bound to the chat client of the
/// endpoint its prompt names. Files are read once, on first use; a persona naming an unknown endpoint is an error
/// that names the file.
/// </summary>
public sealed class LlmReviewerCatalog : IReviewerCatalog
{
    private readonly Lazy<(IReadOnlyList<LlmReviewer> Reviewers, LlmAdjudicator Adjudicator)> _loaded;
    private readonly Lazy<int> _concurrency;

    /// <remarks>Nothing is read or validated until a member is first used, so an offline run never needs an endpoint.</remarks>
    public LlmReviewerCatalog(IOptions<LlmOptions> options, IOptions<GateOptions> gate, RubricSource rubric, ChatClientFactory clients, TimeProvider timeProvider,
        ReviewPanelMetrics? metrics = null, ReviewPanelActivities? activities = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(clients);
        _loaded = new(() => Load(options.Value, gate.Value, rubric.Rubric, clients, timeProvider, metrics, activities));
        _concurrency = new(() => Reviewers
            .Select(r => r.Descriptor.Settings?.GetValueOrDefault("endpoint"))
            .Append(Adjudicator.Descriptor.Settings?.GetValueOrDefault("endpoint"))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Sum(name => clients.Resolve(name).Options.EffectiveMaxConcurrency is > 0 and var c ? c : UnlimitedConcurrency));
    }

    public IReadOnlyList<LlmReviewer> Reviewers => _loaded.Value.Reviewers;

    public LlmAdjudicator Adjudicator => _loaded.Value.Adjudicator;

    /// <summary>An endpoint without a concurrency limit is counted as this many calls in flight.</summary>
    public const int UnlimitedConcurrency = 64;

    public int MaxConcurrentCalls => _concurrency.Value;

    IReadOnlyList<IReviewer> IReviewerCatalog.Reviewers => Reviewers;

    IAdjudicator IReviewerCatalog.Adjudicator => Adjudicator;

    private static (IReadOnlyList<LlmReviewer>, LlmAdjudicator) Load(LlmOptions settings, GateOptions gate, RubricDocument rubric, ChatClientFactory clients, TimeProvider timeProvider,
        ReviewPanelMetrics? metrics, ReviewPanelActivities? activities)
    {
        var prompts = new ReviewPromptBuilder(rubric);
        LlmReviewerOptions For(PersonaFile persona)
        {
            (string name, EndpointOptions endpoint) resolved;
            try
            {
                resolved = clients.Resolve(persona.Deployment);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"Persona file '{persona.Path}': {ex.Message}", ex);
            }
            return new LlmReviewerOptions
            {
                MaxReasks = settings.MaxReasks,
                Repeats = settings.Repeats,
                AdaptMaxTokens = settings.AdaptMaxTokens,
                Deployment = resolved.endpoint.Deployment,
                Endpoint = resolved.name,
                Gate = gate,
            };
        }

        var reviewers = PersonaFile.LoadDirectory(settings.PersonasPath)
            .Select(p => new LlmReviewer(p, prompts, clients.GetClient(p.Deployment), For(p), timeProvider, metrics, activities))
            .ToList();
        var adjudicatorPrompt = PersonaFile.Load(settings.AdjudicatorPath);
        var adjudicator = new LlmAdjudicator(
            adjudicatorPrompt, prompts, clients.GetClient(adjudicatorPrompt.Deployment), For(adjudicatorPrompt), timeProvider, metrics, activities);
        return (reviewers, adjudicator);
    }
}
