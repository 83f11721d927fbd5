using System.Text.Json;
using ReviewPanel.Heuristics;
using ReviewPanel.Probing;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Probing;

/// <summary>The probe end to end over the offline panel and a real SQLite history.</summary>
public sealed class ProbeRunnerTests
{
    // What `probe fixtures/profiles --panel offline` measures today (seed 1, one mutant per class and text original:
    // data-platform-p4.txt and devops-sre-p6-deduplicated.txt are the passing text originals).
    private static readonly Dictionary<string, double> OfflineRecall = new()
    {
        ["duplicated-paragraph"] = 1.0,
        ["placeholder"] = 1.0,
        // heuristic.completeness: a section of the generator's page is missing.
        ["section-removed"] = 1.0,
        // heuristic.completeness: the level table stops before the profile's own level.
        ["level-table-truncated"] = 1.0,
        // Not claimed offline: of the two cuts planted here, the one ending on a function word is caught, the one ending
        // on a content word reads as a complete phrase to any rule.
        ["cut-mid-sentence"] = 0.5,
        ["level-rows-swapped"] = 1.0,
        ["title-level-mismatch"] = 1.0,
        ["years-not-rising"] = 1.0,
        ["exclusionary-wording"] = 1.0,
        ["reviewer-instruction"] = 1.0,
        // heuristic.injection reads through the zero-width characters inside the words.
        ["obfuscated-instruction"] = 1.0,
        // Only a model can see an invented tool: no heuristic judges accuracy.
        ["invented-tool"] = 0.0,
        ["implausible-soc"] = 1.0,
        ["generic-filler"] = 1.0,
        ["provenance-removed"] = 1.0,
    };

    [Fact]
    public async Task Probe_FixturesOffline_PinsRecallPerClass()
    {
        using var harness = await ProbeHarness.CreateAsync();

        var result = await harness.ProbeAsync(new ProbeRequest { Paths = [Fixtures] });

        Assert.Empty(result.Problems);
        var report = ProbeGate.Apply(result.Report!, minRecall: null);
        Assert.Equal(OfflineRecall, report.Classes.ToDictionary(c => c.Class, c => c.Recall!.Value));
        Assert.All(report.Classes, c => Assert.Equal(2, c.Mutants));
        // Every class the offline panel covers and catches, it catches on the expected dimension and nowhere else is needed.
        Assert.All(report.Classes.Where(c => c.Recall == 1.0), c => Assert.Equal(1.0, c.RecallAny));
        // Every class the heuristics claim, they catch: the probe is a passing gate on the fixtures.
        Assert.Empty(report.Classes.Where(c => c.MeetsRequirement == false).Select(c => c.Class));
        Assert.Equal(0, ProbeGate.ExitCode(report));
        Assert.All(report.Classes.Where(c => !c.OfflineCovered), c => Assert.Null(c.RequiredRecall));
    }

    [Fact]
    public async Task Probe_FixturesOffline_ListsTheFailingOriginalsAndTheJsonOneAsNotMutated()
    {
        using var harness = await ProbeHarness.CreateAsync();

        var report = (await harness.ProbeAsync(new ProbeRequest { Paths = [Fixtures], Classes = ["placeholder"] })).Report!;

        Assert.Equal((13, 3, 10, 0), (report.Originals.Reviewed, report.Originals.Passed, report.Originals.Failed, report.Originals.Errored));
        var notMutated = report.Originals.Profiles.Where(p => p.Mutants == 0).ToDictionary(p => Path.GetFileName(p.Source), p => p.NotMutated);
        Assert.Equal(11, notMutated.Count);
        Assert.Equal("failed as an original", notMutated["truncated-p4.txt"]);
        Assert.Contains("text pages only", notMutated["data-platform-p4.json"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_CleanOriginals_HaveNoFalseFailsAndEveryCoveredClassReachesFullRecall()
    {
        using var harness = await ProbeHarness.CreateAsync();

        var report = (await harness.ProbeAsync(new ProbeRequest
        {
            Paths = [ProbeHarness.Fixture("data-platform-p4.txt"), ProbeHarness.Fixture("devops-sre-p6-deduplicated.txt")],
            Classes = ["duplicated-paragraph", "placeholder", "level-rows-swapped", "title-level-mismatch", "years-not-rising",
                "exclusionary-wording", "reviewer-instruction", "implausible-soc", "generic-filler", "provenance-removed"],
            PerClass = 3,
        })).Report!;

        Assert.Equal(0.0, report.Originals.FalseFailRate);
        Assert.All(report.Classes, c => Assert.True(c.Recall == 1.0, c.Summary));
        Assert.Equal(0, ProbeGate.ExitCode(ProbeGate.Apply(report, null)));
    }

    [Fact]
    public async Task Probe_IsRecordedInTheHashChainedHistory_TaggedAsAProbe_AndKeepsTheRealProfilesHistoryClean()
    {
        using var harness = await ProbeHarness.CreateAsync();

        var report = (await harness.ProbeAsync(new ProbeRequest { Paths = [ProbeHarness.Fixture("data-platform-p4.txt")] })).Report!;

        var chain = await harness.Store.VerifyChainAsync(CancellationToken.None);
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(1 + report.Classes.Sum(c => c.Mutants), chain.RecordsChecked);
        var run = await harness.Store.GetRunAsync(report.ProbeRunId, CancellationToken.None);
        Assert.Equal(ProbeNames.RoleMutants, run!.Settings[ProbeNames.SettingRole]);
        Assert.Equal(ProbeNames.RoleOriginals, (await harness.Store.GetRunAsync(report.OriginalsRunId, CancellationToken.None))!.Settings[ProbeNames.SettingRole]);
        await foreach (var verdict in harness.Store.GetRunVerdictsAsync(report.ProbeRunId, CancellationToken.None))
        {
            Assert.True(ProbeNames.IsMutant(verdict.Source) && ProbeNames.IsMutant(verdict.ProfileId), verdict.Source);
        }
        var history = new List<string>();
        await foreach (var verdict in harness.Store.GetHistoryAsync("DATA.DATAPLATENG3B2.P4", CancellationToken.None))
        {
            history.Add(verdict.RunId);
        }
        Assert.Equal([report.OriginalsRunId], history);
    }

    [Fact]
    public async Task ProbeReport_RebuiltFromTheHistory_IsTheReportThatWasPrinted()
    {
        using var harness = await ProbeHarness.CreateAsync();
        var printed = (await harness.ProbeAsync(new ProbeRequest { Paths = [Fixtures], PerClass = 2, Seed = 5 })).Report!;

        var rebuilt = await ProbeHistory.LoadAsync(harness.Store, printed.ProbeRunId, CancellationToken.None);

        Assert.Equal(Json(printed), Json(rebuilt));
        Assert.Empty(rebuilt.Mismatches);
        await Assert.ThrowsAsync<InvalidDataException>(() => ProbeHistory.LoadAsync(harness.Store, printed.OriginalsRunId, CancellationToken.None));
    }

    [Fact]
    public async Task ProbeDrift_APanelWithoutTheLevelLadder_LosesTheLevelClasses()
    {
        using var harness = await ProbeHarness.CreateAsync();
        var request = new ProbeRequest { Paths = [ProbeHarness.Fixture("data-platform-p4.txt")], Classes = ["level-rows-swapped", "years-not-rising", "placeholder"] };
        var before = (await harness.ProbeAsync(request)).Report!;
        var weaker = HeuristicPanel.CreateDefault().Where(r => r is not LevelLadderReviewer).ToList();
        var after = (await harness.ProbeAsync(request, weaker)).Report!;

        var drift = ProbeDrift.Compare(
            await ProbeHistory.LoadAsync(harness.Store, before.ProbeRunId, CancellationToken.None),
            await ProbeHistory.LoadAsync(harness.Store, after.ProbeRunId, CancellationToken.None));

        Assert.Equal(["level-rows-swapped", "years-not-rising"], drift.Lost);
        var swapped = drift.Classes.Single(c => c.Class == "level-rows-swapped");
        Assert.Equal((1.0, 0.0), (swapped.RecallBefore, swapped.RecallAfter));
        Assert.Contains(swapped.Reviewers, r => r.Reviewer == "heuristic.level-ladder" && r.DetectionBefore == 1.0 && r.DetectionAfter is null);
        Assert.Empty(ProbeDrift.Compare(before, before).Lost);
    }

    [Fact]
    public async Task ProbeRun_SameSeedTwice_PlantsTheSameSpans()
    {
        using var harness = await ProbeHarness.CreateAsync();
        var request = new ProbeRequest { Paths = [ProbeHarness.Fixture("devops-sre-p6-deduplicated.txt")], PerClass = 2, Seed = 42 };

        var a = (await harness.ProbeAsync(request)).Report!;
        var b = (await harness.ProbeAsync(request)).Report!;

        var runA = await harness.Store.GetRunAsync(a.ProbeRunId, CancellationToken.None);
        var runB = await harness.Store.GetRunAsync(b.ProbeRunId, CancellationToken.None);
        Assert.Equal(runA!.Settings[ProbeNames.SettingMutants], runB!.Settings[ProbeNames.SettingMutants]);
    }

    [Fact]
    public async Task Probe_UnknownClass_IsAProblemAndNothingIsRecorded()
    {
        using var harness = await ProbeHarness.CreateAsync();

        var result = await harness.ProbeAsync(new ProbeRequest { Paths = [Fixtures], Classes = ["no-such-defect"] });

        Assert.Null(result.Report);
        Assert.Contains(result.Problems, p => p.Contains("unknown defect class 'no-such-defect'", StringComparison.Ordinal));
        Assert.Null(await harness.Store.GetLatestRunIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MissedMutant_CarriesItsSpanAndTheReviewersQuotes()
    {
        using var harness = await ProbeHarness.CreateAsync();
        // Ten cuts: those that stop after a content word ("... with executives") are missed offline.
        var report = (await harness.ProbeAsync(new ProbeRequest { Paths = [ProbeHarness.Fixture("data-platform-p4.txt")], Classes = ["cut-mid-sentence"], PerClass = 10 })).Report!;

        var miss = report.Classes.Single().Misses.First();
        Assert.Contains("#probe:cut-mid-sentence:", miss.Source, StringComparison.Ordinal);
        Assert.True(miss.Span.Length > 0);
        Assert.Contains(miss.Reviewers, q => q.Reviewer == "heuristic.placeholder" && q.Score == 5);
    }

    private static string Fixtures => Path.GetDirectoryName(ProbeHarness.Fixture("data-platform-p4.txt"))!;

    private static string Json(ProbeReport report) => JsonSerializer.Serialize(report, ProbeJsonContext.Default.ProbeReport);
}
