using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewPanel.Audit;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using ReviewPanel.Storage.Sqlite;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary><c>history</c>'s change column, <c>audit agreement</c> and <c>calibrate</c>, through the real executable.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task History_LayerEditedBetweenRuns_NamesTheLayerAndNothingWhenUnchanged()
    {
        var profile = Path.Combine(_dir.Path, "in", "p.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(profile)!);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), profile);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, null, "review", "in")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, null, "review", "in")).ExitCode);
        var text = await File.ReadAllTextAsync(profile);
        await File.WriteAllTextAsync(profile, text.Replace("- Authors and operates Apache Airflow DAGs", "- Writes and runs Apache Airflow DAGs", StringComparison.Ordinal));
        Assert.Equal(0, (await CliProcess.RunAsync(_dir.Path, null, "review", "in")).ExitCode);

        var json = await CliProcess.RunAsync(_dir.Path, null, "history", "DATA.DATAPLATENG3B2.P4", "--format", "json");
        var table = await CliProcess.RunAsync(_dir.Path, null, "history", "DATA.DATAPLATENG3B2.P4");

        Assert.True(json.ExitCode == 0, json.Stderr);
        using var doc = JsonDocument.Parse(json.Stdout);
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(3, runs.Count);
        Assert.True(runs[0].TryGetProperty("outcome", out _), "existing fields are kept");
        var newest = runs[0].GetProperty("changes");
        Assert.False(newest.GetProperty("none").GetBoolean());
        Assert.Equal(["skills"], newest.GetProperty("text").EnumerateArray().Select(l => l.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("rubric").ValueKind);
        Assert.Empty(newest.GetProperty("prompts").EnumerateArray());
        Assert.True(runs[1].GetProperty("changes").GetProperty("none").GetBoolean());
        Assert.Empty(runs[1].GetProperty("changes").GetProperty("text").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, runs[2].GetProperty("changes").ValueKind);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("text: skills", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("first run", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAgreement_KnownReports_PrintsHandComputedAlphaBiasRatesAndDrift()
    {
        // Specificity over three profiles (units), reviewers A, B, C; D abstains twice and errs once.
        //   unit 1: A=4 B=4 C=5   unit 2: A=4 B=5 C=5   unit 3: A=5 B=5 C=5 (A now on prompt v2)
        // Coincidences (pairs weighted 1/(m−1) = 1/2): o44 = 1, o45 = o54 = 2, o55 = 4; n4 = 3, n5 = 6, n = 9.
        // With two adjacent values the ordinal metric is constant, so alpha = 1 − (n−1)·(o45+o54)/(2·n4·n5) = 1 − 32/36 = 1/9.
        // Panel medians 4, 5, 5 → mean bias A = (0 − 1 + 0)/3 = −1/3, B = 0, C = (1 + 0 + 0)/3 = +1/3.
        await SeedAsync(
            [("A", "v1", 4), ("B", "v1", 4), ("C", "v1", 5), ("D", "v1", null)],
            [("A", "v1", 4), ("B", "v1", 5), ("C", "v1", 5), ("D", "v1", -1)],
            [("A", "v2", 5), ("B", "v1", 5), ("C", "v1", 5), ("D", "v1", null)]);

        var json = await CliProcess.RunAsync(_dir.Path, null, "audit", "agreement", "--format", "json");
        var table = await CliProcess.RunAsync(_dir.Path, null, "audit", "agreement", "--dimension", "specificity");

        Assert.True(json.ExitCode == 0, json.Stderr);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("reports").GetInt32());
        var specificity = doc.RootElement.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "specificity");
        Assert.Equal(1.0 / 9, specificity.GetProperty("alpha").GetDouble(), 9);
        var reviewers = specificity.GetProperty("reviewers").EnumerateArray().ToDictionary(r => r.GetProperty("reviewerId").GetString()!);
        Assert.Equal(-1.0 / 3, reviewers["A"].GetProperty("meanBias").GetDouble(), 9);
        Assert.Equal(0.0, reviewers["B"].GetProperty("meanBias").GetDouble(), 9);
        Assert.Equal(1.0 / 3, reviewers["C"].GetProperty("meanBias").GetDouble(), 9);
        Assert.Equal(1.0, reviewers["D"].GetProperty("abstentionRate").GetDouble(), 9);
        Assert.Equal(1.0 / 3, reviewers["D"].GetProperty("errorRate").GetDouble(), 9);
        var drift = doc.RootElement.GetProperty("drift").EnumerateArray().Single();
        Assert.Equal("A", drift.GetProperty("reviewerId").GetString());
        Assert.Equal([4.0, 5.0], drift.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("meanScore").GetDouble()));

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("0.111", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("-0.33", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("consistency", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAgreement_SinceAfterEveryReport_ExitsTwo()
    {
        await SeedAsync([("A", "v1", 4), ("B", "v1", 4)]);

        var result = await CliProcess.RunAsync(_dir.Path, null, "audit", "agreement", "--since", "2999-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no reports recorded since", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_ShippedSet_PrintsKappaRhoAndAConfusionMatrixMatchingGoldVsPanel()
    {
        var folder = RepoFiles.Path("fixtures", "calibration");
        var goldFiles = Directory.GetFiles(folder, "*.gold.json");
        Assert.True(goldFiles.Length >= 12, "ship at least 12 labelled profiles");

        var result = await CliProcess.RunAsync(_dir.Path, null, "calibrate", folder, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(goldFiles.Length, cases.Count);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var c in cases)
        {
            // The gold verdict reported is the one on disk, not the panel's.
            var onDisk = GoldLabel.Parse(await File.ReadAllTextAsync(c.GetProperty("source").GetString() + GoldLabel.SidecarSuffix), "gold", new GateOptions().PassingScore);
            Assert.Equal(onDisk.Pass ? "pass" : "fail", c.GetProperty("gold").GetProperty("verdict").GetString());
            var panelPass = c.GetProperty("panel").GetProperty("verdict").GetString() == "pass";
            _ = (panelPass, onDisk.Pass) switch { (true, true) => tp++, (true, false) => fp++, (false, true) => fn++, _ => tn++ };
        }
        Assert.True(tp > 0 && tn > 0, "the set holds profiles people pass and the panel passes, and profiles both fail");
        var gate = root.GetProperty("gate");
        Assert.Equal(tp, gate.GetProperty("truePositives").GetInt32());
        Assert.Equal(fp, gate.GetProperty("falsePositives").GetInt32());
        Assert.Equal(fn, gate.GetProperty("falseNegatives").GetInt32());
        Assert.Equal(tn, gate.GetProperty("trueNegatives").GetInt32());
        Assert.Equal((double)(tp + tn) / cases.Count, gate.GetProperty("accuracy").GetDouble(), 9);

        var dimensions = root.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("dimension").GetString()!);
        Assert.Equal(Dimensions.All.Order(), dimensions.Keys.Order());
        foreach (var d in new[] { Dimensions.Consistency, Dimensions.Fairness, Dimensions.LevelCalibration, Dimensions.Specificity })
        {
            Assert.Equal(cases.Count, dimensions[d].GetProperty("n").GetInt32());
            // Recomputed from the printed pairs, so the command pairs and rounds what it says it does.
            var panel = cases.Select(c => CalibrationReport.Round(c.GetProperty("panel").GetProperty("scores").GetProperty(d).GetDouble())).ToList();
            var gold = cases.Select(c => c.GetProperty("gold").GetProperty("scores").GetProperty(d).GetInt32()).ToList();
            Assert.Equal(WeightedKappa.Quadratic(panel, gold)!.Value, dimensions[d].GetProperty("kappa").GetDouble(), 9);
            Assert.Equal(SpearmanRho.Compute(panel.Select(v => (double)v).ToList(), gold.Select(v => (double)v).ToList())!.Value, dimensions[d].GetProperty("rho").GetDouble(), 9);
        }
        // The offline panel does not judge accuracy: no pairs, no kappa.
        Assert.Equal(0, dimensions[Dimensions.Accuracy].GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, dimensions[Dimensions.Accuracy].GetProperty("kappa").ValueKind);
    }

    [Fact]
    public async Task Calibrate_Table_PrintsPerDimensionAgreementAndTheMatrix()
    {
        var folder = Path.Combine(_dir.Path, "cal");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "cal01-data-platform-clean-p4.txt", "cal04-exclusionary-p4.txt" })
        {
            File.Copy(RepoFiles.Path("fixtures", "calibration", name), Path.Combine(folder, name));
            File.Copy(RepoFiles.Path("fixtures", "calibration", name + GoldLabel.SidecarSuffix), Path.Combine(folder, name + GoldLabel.SidecarSuffix));
        }

        var result = await CliProcess.RunAsync(_dir.Path, null, "calibrate", "cal");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("weighted kappa", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("spearman rho", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("TP 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("TN 1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_MalformedGoldFile_ExitsTwoNamingTheFile()
    {
        var folder = Path.Combine(_dir.Path, "cal");
        Directory.CreateDirectory(folder);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), Path.Combine(folder, "good.txt"));
        File.Copy(RepoFiles.Path("fixtures", "profiles", "truncated-p4.txt"), Path.Combine(folder, "unlabelled.txt"));
        _dir.Write("cal/good.txt.gold.json", """{"scores": {"consistency": 9}, "verdict": "pass"}""");

        var result = await CliProcess.RunAsync(_dir.Path, null, "calibrate", "cal");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("good.txt.gold.json: score for \"consistency\" must be an integer from 1 to 5", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("unlabelled.txt: no gold labels", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>Records one report per unit into the history the CLI will read; a null score abstains, −1 errs.</summary>
    private async Task SeedAsync(params (string Reviewer, string Version, int? Score)[][] units)
    {
        var store = new SqliteReviewStore(
            Options.Create(new StoreOptions { Path = Path.Combine(_dir.Path, "history.db") }),
            TimeProvider.System, NullLogger<SqliteReviewStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var t0 = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
        for (var u = 0; u < units.Length; u++)
        {
            var runId = $"run-{u}";
            var at = t0.AddHours(u);
            await store.StartRunAsync(new RunProvenance { RunId = runId, ToolVersion = "t", RubricSha256 = "r", Reviewers = [], Command = "seed", StartedAt = at }, CancellationToken.None);
            var reviews = units[u].Select(r => r.Score == -1
                ? new Review { ReviewerId = r.Reviewer, ReviewerVersion = r.Version, Kind = "llm", Status = ReviewStatus.Error, Error = "timeout" }
                : new Review
                {
                    ReviewerId = r.Reviewer,
                    ReviewerVersion = r.Version,
                    Kind = "llm",
                    Scores = [r.Score is int s ? new DimensionScore(Dimensions.Specificity, s, "because", []) : DimensionScore.Abstain(Dimensions.Specificity, "cannot tell")],
                }).ToList();
            await store.RecordAsync(new ProfileReport
            {
                RunId = runId,
                Source = $"p{u}.txt",
                ProfileId = $"SEED.P{u}.P4",
                VersionHash = new string((char)('a' + u), 64),
                Verdict = new Verdict { Outcome = VerdictOutcome.Pass, Minimum = 4 },
                Reviews = reviews,
                StartedAt = at,
                FinishedAt = at,
            }, CancellationToken.None);
            await store.FinishRunAsync(runId, at.AddMinutes(1), CancellationToken.None);
        }
    }
}
