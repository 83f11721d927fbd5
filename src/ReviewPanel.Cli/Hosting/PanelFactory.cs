using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Heuristics;
using ReviewPanel.Llm;
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
    IOptions<LlmOptions> llmOptions,
    IServiceProvider services,
    IReviewStore store,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    public static string ToolVersion { get; } =
        typeof(PanelFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The rubric every reviewer judges by; offline runs record its hash too. An unreadable file is a configuration problem.</summary>
    public RubricDocument LoadRubric()
    {
        var path = PathResolver.Resolve(RubricPath(llmOptions));
        try
        {
            return RubricDocument.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ConfigurationProblemException($"cannot read the rubric '{path}': {ex.Message}", ex);
        }
    }

    // The rubric path lives with the LLM settings (ReviewPanel:Llm:RubricPath) but is read without validating the
    // endpoints, which an offline run does not need.
    private static string RubricPath(IOptions<LlmOptions> options)
    {
        try
        {
            return options.Value.RubricPath;
        }
        catch (OptionsValidationException)
        {
            return new LlmOptions().RubricPath;
        }
    }

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
            LlmReviewerCatalog catalog;
            try
            {
                catalog = services.GetRequiredService<LlmReviewerCatalog>();
                reviewers.AddRange(catalog.Reviewers);
                adjudicator = catalog.Adjudicator;
            }
            catch (OptionsValidationException ex)
            {
                throw new ConfigurationProblemException($"the {kind.ToString().ToLowerInvariant()} panel needs an LLM endpoint: {string.Join(" ", ex.Failures)}", ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or FormatException)
            {
                throw new ConfigurationProblemException(ex.Message, ex);
            }
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
            ["gate.quorum"] = gate.Value.Quorum?.ToString(CultureInfo.InvariantCulture) ?? "majority",
            ["gate.veto"] = gate.Value.Veto ? "on" : "off",
            ["gate.disagreementSpread"] = gate.Value.DisagreementSpread.ToString(CultureInfo.InvariantCulture),
            ["gate.requiredDimensions"] = string.Join(",", gate.Value.RequiredDimensions),
        },
    };

    /// <summary>Sortable and unique: UTC time then random bits.</summary>
    internal string NewRunId() =>
        $"run-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
}
