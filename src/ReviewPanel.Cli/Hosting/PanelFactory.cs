using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Hosting;

/// <summary>Assembles the panel a command asked for and describes it for the run's provenance.</summary>
public sealed class PanelFactory(
    IOptions<GateOptions> gate,
    IOptions<RubricOptions> rubric,
    IReviewStore store,
    LlmPanelFactory llm,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    public static string ToolVersion { get; } =
        typeof(PanelFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public RubricDocument LoadRubric() => RubricDocument.Load(PathResolver.Resolve(rubric.Value.Path));

    public PanelRunner Create(PanelKind kind, RubricDocument rubricDocument, bool fresh)
    {
        var reviewers = new List<IReviewer>();
        IAdjudicator? adjudicator = null;
        if (kind is PanelKind.Offline or PanelKind.All)
        {
            reviewers.AddRange(HeuristicPanel.CreateDefault());
        }
        if (kind is PanelKind.Llm or PanelKind.All)
        {
            var (personas, judge) = llm.Create(rubricDocument);
            reviewers.AddRange(personas);
            adjudicator = judge;
        }
        return new PanelRunner(reviewers, adjudicator, gate.Value, rubricDocument.Sha256, new StoreReviewCache(store), fresh, time,
            loggerFactory.CreateLogger<PanelRunner>());
    }

    public RunProvenance DescribeRun(PanelRunner panel, RubricDocument rubricDocument, string command, PanelKind kind) => new()
    {
        RunId = NewRunId(),
        ToolVersion = ToolVersion,
        RubricSha256 = rubricDocument.Sha256,
        Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
        Command = command,
        StartedAt = time.GetUtcNow(),
        Settings = new Dictionary<string, string>
        {
            ["panel"] = kind.ToString().ToLowerInvariant(),
            ["gate.aggregation"] = gate.Value.Aggregation.ToString(),
            ["gate.passThreshold"] = gate.Value.PassThreshold.ToString(CultureInfo.InvariantCulture),
            ["gate.quorum"] = gate.Value.Quorum.ToString(CultureInfo.InvariantCulture),
            ["gate.disagreementSpread"] = gate.Value.DisagreementSpread.ToString(CultureInfo.InvariantCulture),
            ["gate.requiredDimensions"] = string.Join(",", gate.Value.RequiredDimensions),
        },
    };

    /// <summary>Sortable and unique: UTC time then random bits.</summary>
    private string NewRunId() =>
        $"run-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
}
