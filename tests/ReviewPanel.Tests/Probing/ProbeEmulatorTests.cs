using ReviewPanel.Emulator;
using ReviewPanel.Probing;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Integration;

namespace ReviewPanel.Tests.Probing;

/// <summary>
/// The LLM columns of a probe against the project's Azure OpenAI emulator (shipped personas, real SDK, loopback HTTP):
/// what each emulator policy makes of the seeded defects, pinned.
/// </summary>
public sealed class ProbeEmulatorTests
{
    private static readonly ProbeRequest OneOriginal = new() { Paths = [ProbeHarness.Fixture("data-platform-p4.txt")] };

    [Fact]
    public async Task Probe_PolicyHigh_ModelsPassEveryMutant_SoEveryClassShowsZeroRecall()
    {
        await using var llm = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Policy = EmulatorPolicy.High }));
        using var probe = await ProbeHarness.CreateAsync();

        var report = ProbeGate.Apply((await probe.ProbeAsync(OneOriginal, llm.Catalog.Reviewers)).Report!, minRecall: null);

        Assert.Equal("llm", report.Panel);
        Assert.Equal((1, 1, 0.0), (report.Originals.Reviewed, report.Originals.Passed, report.Originals.FalseFailRate!.Value));
        Assert.All(report.Classes, c =>
        {
            Assert.Equal(1, c.Mutants);
            Assert.Equal(0.0, c.Recall);
            Assert.Null(c.RequiredRecall);
            Assert.NotEmpty(c.Reviewers);
            Assert.All(c.Reviewers, r => Assert.Equal(0, r.Detected));
        });
        Assert.Contains(report.Classes.Single(c => c.Class == "invented-tool").Reviewers, r => r.MeanOriginal == 5 && r.MeanMutant == 5);
        // An LLM-only panel is measured, not gated, unless --min-recall says so.
        Assert.Equal(0, ProbeGate.ExitCode(report));
        Assert.Equal(1, ProbeGate.ExitCode(ProbeGate.Apply(report, minRecall: 0.5)));
    }

    [Fact]
    public async Task Probe_PolicyLow_ModelsFailTheOriginal_SoNothingIsMutatedAndTheFalseFailRateIsOne()
    {
        await using var llm = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Policy = EmulatorPolicy.Low }));
        using var probe = await ProbeHarness.CreateAsync();

        var report = (await probe.ProbeAsync(OneOriginal, llm.Catalog.Reviewers)).Report!;

        Assert.Equal((1, 0, 1.0), (report.Originals.Failed, report.Originals.Passed, report.Originals.FalseFailRate!.Value));
        Assert.Equal("failed as an original", report.Originals.Profiles.Single().NotMutated);
        Assert.All(report.Classes, c => Assert.Equal(0, c.Mutants));
    }

    [Fact]
    public async Task Probe_PolicyDetectInjectionScoringFive_CatchesThePlainInstructionButNotTheObfuscatedOne()
    {
        await using var llm = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Policy = EmulatorPolicy.DetectInjection, Score = 5 }));
        using var probe = await ProbeHarness.CreateAsync();

        var report = (await probe.ProbeAsync(OneOriginal with { Classes = ["reviewer-instruction", "obfuscated-instruction", "placeholder"] },
            llm.Catalog.Reviewers)).Report!;

        var plain = report.Classes.Single(c => c.Class == "reviewer-instruction");
        Assert.Equal(1.0, plain.Recall);
        Assert.Equal(Verdict.InjectionRule, plain.ExpectedDimension);
        Assert.Equal(llm.Catalog.Reviewers.Count, plain.Reviewers.Count);
        Assert.All(plain.Reviewers, r => Assert.Equal(1.0, r.DetectionRate));
        var hidden = report.Classes.Single(c => c.Class == "obfuscated-instruction");
        Assert.Equal(0.0, hidden.Recall);
        Assert.All(hidden.Reviewers, r => Assert.Equal(0, r.Detected));
        Assert.Equal(0.0, report.Classes.Single(c => c.Class == "placeholder").Recall);
    }

    [Fact]
    public async Task Probe_AllPanelPolicyHigh_FlatteringModelsCannotLiftAHeuristicCatch()
    {
        await using var llm = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(new DeploymentBehavior { Policy = EmulatorPolicy.High }));
        using var probe = await ProbeHarness.CreateAsync();
        var classes = new[] { "placeholder", "level-rows-swapped", "provenance-removed", "reviewer-instruction" };

        var report = (await probe.ProbeAsync(OneOriginal with { Classes = classes },
            [.. ReviewPanel.Heuristics.HeuristicPanel.CreateDefault(), .. llm.Catalog.Reviewers], llm.Catalog.Adjudicator)).Report!;

        var recall = report.Classes.ToDictionary(c => c.Class, c => c.Recall);
        // The heuristic still flags every one of them...
        Assert.All(report.Classes, c => Assert.Contains(c.Reviewers, r => r.Reviewer.StartsWith("heuristic.", StringComparison.Ordinal) && r.Detected == 1));
        // ...and its grounded finding is a veto: four confident models (and the adjudicator) cannot outvote it. Before
        // the veto, the median of one low heuristic and four 5s passed all but the injection rule (recall 0).
        Assert.Equal(new Dictionary<string, double?> { ["placeholder"] = 1.0, ["level-rows-swapped"] = 1.0, ["reviewer-instruction"] = 1.0, ["provenance-removed"] = 1.0 }, recall);
    }
}
