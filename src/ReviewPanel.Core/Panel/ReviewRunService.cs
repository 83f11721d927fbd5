using Microsoft.Extensions.Options;
using ReviewPanel.Profiles;
using ReviewPanel.Reporting;

namespace ReviewPanel.Panel;

/// <summary>
/// The one run use case behind <c>review</c>, <c>rerun</c>, <c>calibrate</c> and <c>probe</c>: open a panel and a run,
/// then load → review → gate → record → summarise every source with bounded parallelism.
/// </summary>
public sealed class ReviewRunService(PanelBuilder builder, BatchRunner batch, ProfileImporter importer, RunReportQuery reports, ReportWriters writers, IOptions<PanelOptions> options, IOptions<PricingOptions> pricing, Waivers.WaiverService waivers, IRateLimitStatus? rateLimits = null)
{
    /// <summary>Which endpoint limits are holding calls right now, for progress output.</summary>
    public IRateLimitStatus RateLimits { get; } = rateLimits ?? new RateLimitStatus();

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
        return batch.RunAsync(session.Panel, session.Run, request.Sources, load, options.Value.MaxParallelProfiles ?? session.Panel.SuggestedParallelism, request.OnProfileDone, cancellationToken);
    }
}
