using Microsoft.Extensions.Options;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Reporting;

namespace ReviewPanel.Panel;

/// <summary>
/// The one run use case behind <c>review</c>, <c>rerun</c>, <c>calibrate</c> and <c>probe</c>: open a panel and a run,
/// then load → review → gate → record → summarise every source with bounded parallelism.
/// </summary>
public sealed class ReviewRunService(PanelBuilder builder, BatchRunner batch, ProfileImporter importer, RunReportQuery reports, ReportWriters writers, IOptions<PanelOptions> options, IOptions<PricingOptions> pricing, Waivers.WaiverService waivers, IRateLimitStatus? rateLimits = null, ICircuitStatus? circuits = null)
{
    /// <summary>Which endpoint limits are holding calls right now, for progress output.</summary>
    public IRateLimitStatus RateLimits { get; } = rateLimits ?? new EndpointStatus();

    /// <summary>The profile files under the given files and folders, in a stable order.</summary>
    public IReadOnlyList<string> ExpandSources(IEnumerable<string> filesOrFolders) => importer.ExpandSources(filesOrFolders).ToList();

    /// <summary>The recorded reports of a run, for the report writers.</summary>
    public RunReportQuery Reports => reports;

    /// <summary>The report writers with the configured settings.</summary>
    public ReportWriters Writers => writers;

    /// <summary>Token prices per deployment, for the cost in the summary and JSON.</summary>
    public PricingOptions Pricing => pricing.Value;

    /// <summary>Recorded waivers, for the effective verdict shown next to the panel's.</summary>
    public Waivers.WaiverService Waivers => waivers;

    /// <exception cref="ConfigurationProblemException">The panel asked for is not configured.</exception>
    public Task<BatchResult> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = builder.Open(request.Panel, request.Fresh, request.Command, request.Tags);
        return RunAsync(session, request, cancellationToken);
    }

    /// <summary>Runs the request on a session opened earlier (the probe reviews originals and mutants in one run).</summary>
    public Task<BatchResult> RunAsync(ReviewSession session, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var load = request.Load ?? ((source, _) => ValueTask.FromResult(importer.Import(source)));
        var parallelism = options.Value.MaxParallelProfiles ?? session.Panel.SuggestedParallelism;
        var wait = circuits is null ? null : WaitForEndpoints(circuits, TimeSpan.FromSeconds(options.Value.CircuitWaitSeconds));
        if (request.MaxCost is not { } limit)
        {
            return batch.RunAsync(session.Panel, session.Run, request.Sources, load, parallelism, request.OnProfileDone, cancellationToken, waitToStart: wait);
        }
        return RunWithinAsync(new CostBudget(limit, pricing.Value), session, request, load, parallelism, wait, cancellationToken);
    }

    private async Task<BatchResult> RunWithinAsync(CostBudget budget, ReviewSession session, RunRequest request,
        Func<string, CancellationToken, ValueTask<ImportResult>> load, int parallelism, Func<CancellationToken, ValueTask<string?>>? wait, CancellationToken cancellationToken)
    {
        var result = await batch.RunAsync(session.Panel, session.Run, request.Sources, load, parallelism, request.OnProfileDone, cancellationToken,
            keepStarting: () => !budget.Exhausted, onReviewed: budget.Add, waitToStart: wait).ConfigureAwait(false);
        return result.NotReviewed.Count > 0 ? result with { StoppedBy = budget } : result;
    }

    /// <summary>
    /// An open circuit (the endpoint fails with 5xx or times out) holds profiles not yet started until its break is over,
    /// instead of starting reviews that can only error; past <paramref name="deadline"/> they become errors saying so.
    /// </summary>
    internal static Func<CancellationToken, ValueTask<string?>> WaitForEndpoints(ICircuitStatus circuits, TimeSpan deadline) => async cancellationToken =>
        circuits.OpenFor is null || await circuits.WaitWhileOpenAsync(deadline, cancellationToken).ConfigureAwait(false)
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"not reviewed: the model endpoint's circuit stayed open (5xx or timeouts) for longer than ReviewPanel:Panel:CircuitWaitSeconds ({deadline.TotalSeconds:0} s); review it again once the endpoint answers");

    /// <summary>
    /// <c>--dry-run</c>: what reviewing <paramref name="sources"/> with <paramref name="kind"/> would send, from the
    /// profiles alone — every model reviewer's calls estimated as the limiter charges them (prompt characters / 4 plus
    /// max_tokens), priced as input and output tokens. Nothing is called, cached reviews are not consulted (the estimate
    /// is that of <c>--fresh</c>), adjudications are not counted (they happen only on disagreement), nothing is recorded.
    /// </summary>
    public IReadOnlyList<CostEstimate> Estimate(IReadOnlyList<string> sources, PanelKind kind)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var estimators = builder.Estimators(kind);
        var rows = new List<CostEstimate>();
        foreach (var source in sources)
        {
            var imported = importer.Import(source);
            if (!imported.IsSuccess)
            {
                rows.Add(new CostEstimate(source, null, [], null, imported.Error.Reason));
                continue;
            }
            var calls = estimators.SelectMany(e => e.EstimateCalls(imported.Profile)).ToList();
            var usage = calls.GroupBy(c => c.Deployment, StringComparer.OrdinalIgnoreCase)
                .Select(g => new DeploymentUsage(g.Key, g.Sum(c => c.PromptTokens), g.Sum(c => c.MaxOutputTokens))).ToList();
            rows.Add(new CostEstimate(source, imported.Profile.Id, calls, calls.Count == 0 ? 0 : pricing.Value.Any ? pricing.Value.CostOf(usage) : null, null));
        }
        return rows;
    }
}
