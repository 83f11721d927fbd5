using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewPanel.Emulator;
using ReviewPanel.Heuristics;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Scoring;
using ReviewPanel.Telemetry;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Integration;

/// <summary>
/// The real stack over loopback HTTP: the in-process emulator, <c>AddReviewPanelLlm</c> with in-memory configuration
/// (Azure OpenAI provider, the emulator's URI and key), the shipped personas and rubric, and the real PanelRunner.
/// Personas can be routed to their own endpoint (one emulator deployment each) so one persona can misbehave alone.
/// </summary>
internal sealed class LlmPanelHarness : IAsyncDisposable
{
    public const string DefaultDeployment = "panel";

    private readonly TempFolder _dir;
    private readonly ServiceProvider _services;

    private LlmPanelHarness(EmulatorServer server, TempFolder dir, ServiceProvider services, PanelRunner panel, RubricDocument rubric, LlmReviewerCatalog catalog)
    {
        Server = server;
        _dir = dir;
        _services = services;
        Panel = panel;
        Rubric = rubric;
        Catalog = catalog;
    }

    public EmulatorServer Server { get; }
    public PanelRunner Panel { get; }

    /// <summary>This harness's own instruments (its container's meter): tests listen to these, never to a process-wide meter.</summary>
    public ReviewPanelMetrics Metrics => _services.GetRequiredService<ReviewPanelMetrics>();
    public RubricDocument Rubric { get; }
    public LlmReviewerCatalog Catalog { get; }

    /// <param name="ownDeployments">Persona ids that get an endpoint (and emulator deployment) of their own, named after them.</param>
    /// <param name="endpoint">Extra per-endpoint settings (keys under an endpoint, e.g. <c>MaxRetries</c>), applied to every endpoint.</param>
    public static async Task<LlmPanelHarness> StartAsync(
        Action<EmulatorServer>? configure = null,
        IReadOnlyCollection<string>? ownDeployments = null,
        IReadOnlyDictionary<string, string>? endpoint = null,
        IReadOnlyDictionary<string, string>? llm = null,
        bool withHeuristics = false,
        int seed = 7)
    {
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = seed });
        configure?.Invoke(server);
        var dir = new TempFolder();
        ownDeployments ??= [];
        var personas = Path.Combine(dir.Path, "reviewers");
        Directory.CreateDirectory(personas);
        foreach (var file in Directory.GetFiles(RepoFiles.Path("prompts", "reviewers"), "*.md"))
        {
            var text = File.ReadAllText(file);
            var id = Path.GetFileNameWithoutExtension(file);
            if (ownDeployments.Contains(id))
            {
                // Route this persona to its own endpoint by adding a deployment line to its front matter.
                text = text.Replace("\nid: " + id + "\n", "\nid: " + id + "\ndeployment: " + id + "\n", StringComparison.Ordinal);
            }
            File.WriteAllText(Path.Combine(personas, Path.GetFileName(file)), text);
        }

        var settings = new Dictionary<string, string?>
        {
            ["ReviewPanel:Llm:PersonasPath"] = personas,
            ["ReviewPanel:Llm:AdjudicatorPath"] = RepoFiles.Path("prompts", "adjudicator.md"),
        };
        foreach (var (k, v) in llm ?? new Dictionary<string, string>())
        {
            settings["ReviewPanel:Llm:" + k] = v;
        }
        foreach (var (name, deployment) in ownDeployments.Select(d => (d, d)).Prepend(("default", DefaultDeployment)))
        {
            var at = "ReviewPanel:Llm:Endpoints:" + name + ":";
            settings[at + "Provider"] = LlmProviders.AzureOpenAI;
            settings[at + "Endpoint"] = server.BaseUri.ToString();
            settings[at + "Deployment"] = deployment;
            settings[at + "ApiKey"] = server.ApiKey;
            // Fast tests: tiny backoff, no quota limiters, short attempt timeout.
            settings[at + "RetryBaseDelayMs"] = "5";
            settings[at + "Rpm"] = "0";
            settings[at + "Tpm"] = "0";
            settings[at + "TimeoutSeconds"] = "10";
            foreach (var (k, v) in endpoint ?? new Dictionary<string, string>())
            {
                settings[at + k] = v;
            }
        }
        // The product's registration; fresh: every review asks the emulator (no cache look-ups in the history).
        var services = TestHost.Build(settings, storePath: Path.Combine(dir.Path, "history.db"));
        var catalog = services.GetRequiredService<LlmReviewerCatalog>();
        var rubric = services.GetRequiredService<RubricSource>().Rubric;
        var panel = services.GetRequiredService<PanelBuilder>().Build(withHeuristics ? PanelKind.All : PanelKind.Llm, fresh: true);
        return new LlmPanelHarness(server, dir, services, panel, rubric, catalog);
    }

    public static RoleProfile Import(string fixture) => Import(RepoFiles.Path("fixtures", "profiles", fixture), null);

    /// <summary>Imports a file; with <paramref name="text"/> writes it first to a temp path of that name.</summary>
    public static RoleProfile Import(string path, string? text)
    {
        if (text is not null)
        {
            File.WriteAllText(path, text);
        }
        var result = new ProfileImporter().Import(path);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Profile!;
    }

    public string TempPath(string name) => Path.Combine(_dir.Path, name);

    public Task<ProfileReport> ReviewAsync(RoleProfile profile) =>
        Panel.ReviewAsync("run-test", profile, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
