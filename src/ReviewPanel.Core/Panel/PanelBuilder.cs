using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewPanel.Heuristics;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Telemetry;

namespace ReviewPanel.Panel;

/// <summary>
/// Composes the panel a run asked for: the heuristic floor, the model personas (each wrapped in a
/// <see cref="CachingReviewer"/>), the adjudicator and the gate settings, and describes it for the run's provenance.
/// </summary>
public sealed class PanelBuilder(
    IOptions<GateOptions> gate,
    IReviewerCatalog catalog,
    IReviewCache cache,
    RubricSource rubric,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ReviewPanelMetrics? metrics = null,
    ReviewPanelActivities? activities = null)
{
    public static string ToolVersion { get; } =
        typeof(PanelBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>A panel of <paramref name="kind"/> and a new run for it.</summary>
    /// <exception cref="ConfigurationProblemException">The model panel is not configured, or the rubric is unreadable.</exception>
    public ReviewSession Open(PanelKind kind, bool fresh, string command, IReadOnlyDictionary<string, string>? tags = null)
    {
        var panel = Build(kind, fresh);
        return new ReviewSession(panel, DescribeRun(panel, command, kind, tags));
    }

    public PanelRunner Build(PanelKind kind, bool fresh)
    {
        var document = rubric.Rubric;
        var reviewers = new List<IReviewer>();
        IAdjudicator? adjudicator = null;
        var parallelism = Environment.ProcessorCount;
        if (kind is PanelKind.Offline or PanelKind.All)
        {
            reviewers.AddRange(HeuristicPanel.CreateDefault());
        }
        if (kind is PanelKind.Llm or PanelKind.All)
        {
            var logger = loggerFactory.CreateLogger<CachingReviewer>();
            try
            {
                reviewers.AddRange(catalog.Reviewers.Select(r => new CachingReviewer(r, cache, document.Sha256, fresh, logger)));
                adjudicator = catalog.Adjudicator;
                // Each profile asks its personas at once, so this many profiles keep every endpoint slot busy; the
                // endpoints' limiters queue whatever exceeds their quota.
                parallelism = Math.Max(parallelism, catalog.MaxConcurrentCalls);
            }
            catch (OptionsValidationException ex)
            {
                throw new ConfigurationProblemException($"the {Name(kind)} panel needs an LLM endpoint: {string.Join(" ", ex.Failures)}", ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or FormatException)
            {
                throw new ConfigurationProblemException(ex.Message, ex);
            }
        }
        return new PanelRunner(reviewers, adjudicator, gate.Value, time, loggerFactory.CreateLogger<PanelRunner>(), metrics, activities) { SuggestedParallelism = parallelism };
    }

    /// <summary>The model reviewers of <paramref name="kind"/> that can estimate their calls (none for the offline panel).</summary>
    /// <exception cref="ConfigurationProblemException">The model panel is not configured.</exception>
    public IReadOnlyList<ICallEstimator> Estimators(PanelKind kind)
    {
        if (kind is PanelKind.Offline)
        {
            return [];
        }
        try
        {
            return [.. catalog.Reviewers.OfType<ICallEstimator>()];
        }
        catch (OptionsValidationException ex)
        {
            throw new ConfigurationProblemException($"the {Name(kind)} panel needs an LLM endpoint: {string.Join(" ", ex.Failures)}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException or FormatException)
        {
            throw new ConfigurationProblemException(ex.Message, ex);
        }
    }

    /// <summary>A new run for <paramref name="panel"/>: id, rubric, reviewers, gate settings, plus <paramref name="tags"/>.</summary>
    public RunProvenance DescribeRun(PanelRunner panel, string command, PanelKind kind, IReadOnlyDictionary<string, string>? tags = null)
    {
        var options = gate.Value;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["panel"] = Name(kind),
            ["gate.aggregation"] = options.Aggregation.ToString(),
            ["gate.passThreshold"] = options.PassThreshold.ToString(CultureInfo.InvariantCulture),
            ["gate.quorum"] = options.Quorum?.ToString(CultureInfo.InvariantCulture) ?? "majority",
            ["gate.veto"] = options.Veto ? "on" : "off",
            ["gate.disagreementSpread"] = options.DisagreementSpread.ToString(CultureInfo.InvariantCulture),
            ["gate.requiredDimensions"] = string.Join(",", options.RequiredDimensions),
        };
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return new RunProvenance
        {
            RunId = NewRunId(),
            ToolVersion = ToolVersion,
            RubricSha256 = rubric.Rubric.Sha256,
            Reviewers = panel.Reviewers.Select(r => r.Descriptor).ToList(),
            Command = command,
            StartedAt = time.GetUtcNow(),
            Settings = settings,
        };
    }

    private static string Name(PanelKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Sortable and unique: UTC time then random bits.</summary>
    public string NewRunId() =>
        $"run-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
