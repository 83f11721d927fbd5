using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Probing;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Probing;

/// <summary>The probe over real objects: the offline panel (or a given set of reviewers), the batch runner and a SQLite history in a temp folder.</summary>
internal sealed class ProbeHarness : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _runs;

    private ProbeHarness()
    {
        Store = new SqliteReviewStore(Options.Create(new StoreOptions { Path = Path.Combine(_folder.Path, "history.db") }),
            TimeProvider.System, NullLogger<SqliteReviewStore>.Instance);
    }

    public IReviewStore Store { get; }

    public ProfileImporter Importer { get; } = new();

    public static async Task<ProbeHarness> CreateAsync()
    {
        var harness = new ProbeHarness();
        await harness.Store.InitializeAsync(CancellationToken.None);
        return harness;
    }

    public Task<ProbeResult> ProbeAsync(ProbeRequest request, IReadOnlyList<IReviewer>? reviewers = null, IAdjudicator? adjudicator = null) =>
        new ProbeRunner(Importer, Store).RunAsync(Panel(reviewers ?? HeuristicPanel.CreateDefault(), adjudicator), request, CancellationToken.None);

    public IProbePanel Panel(IReadOnlyList<IReviewer> reviewers, IAdjudicator? adjudicator = null)
    {
        var gate = new GateOptions();
        // A hand-picked reviewer set (drift tests drop one heuristic); model reviewers get the cache decorator as in the product.
        var cache = new StoreReviewCache(Store);
        var cached = reviewers.Select(r => r.Descriptor.Kind == ReviewerKinds.Llm ? new CachingReviewer(r, cache, "rubric-sha", false, NullLogger.Instance) : r).ToList();
        var panel = new PanelRunner(cached, adjudicator, gate, TimeProvider.System, NullLogger<PanelRunner>.Instance);
        var batch = new BatchRunner(Importer, Store, TimeProvider.System, NullLogger<BatchRunner>.Instance);
        return new BatchProbePanel(batch, panel, () => new RunProvenance
        {
            RunId = string.Create(CultureInfo.InvariantCulture, $"run-test-{Interlocked.Increment(ref _runs):D3}-{Guid.NewGuid():N}"),
            ToolVersion = "test",
            RubricSha256 = "rubric-sha",
            Reviewers = reviewers.Select(r => r.Descriptor).ToList(),
            Command = "probe (test)",
            StartedAt = TimeProvider.System.GetUtcNow(),
            Settings = new Dictionary<string, string>
            {
                ["panel"] = reviewers.All(r => r.Descriptor.Kind == "heuristic") ? "offline" : reviewers.All(r => r.Descriptor.Kind == "llm") ? "llm" : "all",
                ["gate.passThreshold"] = gate.PassThreshold.ToString(CultureInfo.InvariantCulture),
            },
        }, maxParallelProfiles: 2);
    }

    public static string Fixture(string name) => RepoFiles.Path("fixtures", "profiles", name);

    public void Dispose() => _folder.Dispose();
}
