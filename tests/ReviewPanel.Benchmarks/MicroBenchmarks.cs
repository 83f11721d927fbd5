using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Heuristics;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// The hot paths of one profile, on a real fixture and the real heuristic reviews of it. ShortRun, in process (no
/// generated project to build): a few iterations, enough to rank the paths and catch a regression of 2× or more.
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private readonly ProfileImporter _importer = new();
    private readonly Gate _gate = new(new GateOptions());
    private string _fixture = "";
    private RoleProfile _profile = null!;
    private ProfileReport _report = null!;
    private IReadOnlyList<ReviewerDescriptor> _panel = [];
    private ServiceProvider _services = null!;
    private string _dir = "";
    private SqliteReviewStore _store = null!;
    private int _appended;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = Path.Combine(Root.Find(), "fixtures", "profiles", "devops-sre-p6.txt");
        _profile = _importer.Import(_fixture).Profile!;
        _dir = Directory.CreateTempSubdirectory("reviewpanel-micro-").FullName;
        _services = BenchHost.Build(Path.Combine(_dir, "panel.db"));
        var panel = _services.GetRequiredService<PanelBuilder>().Build(PanelKind.Offline, fresh: false);
        _report = panel.ReviewAsync("micro", _profile, CancellationToken.None).GetAwaiter().GetResult();
        _panel = panel.Reviewers.Select(r => r.Descriptor).ToList();
        _store = new SqliteReviewStore(Options.Create(new StoreOptions { Path = Path.Combine(_dir, "history.db") }), TimeProvider.System,
            NullLogger<SqliteReviewStore>.Instance);
        _store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "import (parse, schema, hash)")]
    public RoleProfile Import() => _importer.Import(_fixture).Profile!;

    [Benchmark(Description = "grounding check (all reviews)")]
    public int Grounding()
    {
        var check = new GroundingCheck(_profile);
        var ungrounded = 0;
        foreach (var review in _report.Reviews)
        {
            ungrounded += check.Apply(review, new GateOptions().PassThreshold).Scores.Count(s => s.Ungrounded);
        }
        return ungrounded;
    }

    [Benchmark(Description = "aggregation (gate decide)")]
    public Verdict Aggregation() => _gate.Decide(_report.Reviews, [], _panel);

    [Benchmark(Description = "hash chain append (SQLite)")]
    public bool HashChainAppend() =>
        _store.RecordAsync(_report with { RunId = "micro-" + (++_appended).ToString(CultureInfo.InvariantCulture) }, CancellationToken.None).GetAwaiter().GetResult();

    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
