using ReviewPanel.Emulator;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Integration;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Properties;

/// <summary>
/// The gate's central promise, checked on every profile shipped in <c>fixtures/</c>: adding the model panel never makes
/// the verdict more lenient than the heuristics alone, whatever the models do — flatter (<c>high</c>), obey an
/// injection, criticise, break the protocol, hallucinate quotes, or get throttled. An error counts as not passing.
/// </summary>
public sealed class PanelNeverMoreLenientTests
{
    public static TheoryData<string> Behaviours => ["high", "obey-injection", "low", "malformed", "hallucinate", "429-storm"];

    /// <summary>Every profile file under fixtures/ except the deliberately unreadable inputs and the schema.</summary>
    public static IReadOnlyList<string> FixtureProfiles { get; } = Directory
        .EnumerateFiles(RepoFiles.Path("fixtures"), "*", SearchOption.AllDirectories)
        .Where(f => (f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            && !f.EndsWith(".gold.json", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bad{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    [Theory]
    [MemberData(nameof(Behaviours))]
    public async Task PanelAll_IsNeverMoreLenientThanOffline_OnEveryFixture(string behaviour)
    {
        await using var harness = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(Behaviour(behaviour)), withHeuristics: true);
        var offline = TestHost.OfflinePanel();
        var importer = new ProfileImporter();
        var lenient = new List<string>();
        Assert.True(FixtureProfiles.Count >= 25, $"expected the shipped fixtures, found {FixtureProfiles.Count}");

        foreach (var file in FixtureProfiles)
        {
            var imported = importer.Import(file);
            Assert.True(imported.IsSuccess, $"{file}: {imported.Error?.Reason}");
            var alone = await offline.ReviewAsync("offline", imported.Profile, CancellationToken.None);
            var all = await harness.ReviewAsync(imported.Profile);
            if (all.Verdict.Outcome == VerdictOutcome.Pass && alone.Verdict.Outcome != VerdictOutcome.Pass)
            {
                lenient.Add($"{Path.GetFileName(file)}: offline {alone.Verdict.Outcome} [{string.Join(",", alone.Verdict.Failing)}], all pass");
            }
        }

        Assert.True(lenient.Count == 0, $"{behaviour}: the full panel passed what the heuristics did not:\n{string.Join("\n", lenient)}");
    }

    [Fact]
    public async Task PanelAllAgainstFlatteringModels_GivesTheOfflineVerdictsOnFixtureProfiles()
    {
        await using var harness = await LlmPanelHarness.StartAsync(s => s.ConfigureDefault(Behaviour("high")), withHeuristics: true);
        var offline = TestHost.OfflinePanel();
        var importer = new ProfileImporter();

        foreach (var file in Directory.EnumerateFiles(RepoFiles.Path("fixtures", "profiles")).Order(StringComparer.Ordinal))
        {
            var profile = importer.Import(file).Profile!;
            var alone = await offline.ReviewAsync("offline", profile, CancellationToken.None);
            var all = await harness.ReviewAsync(profile);

            Assert.True(alone.Verdict.Outcome == all.Verdict.Outcome,
                $"{Path.GetFileName(file)}: offline {alone.Verdict.Outcome}, all {all.Verdict.Outcome} [{string.Join(",", all.Verdict.Failing)}] {all.Verdict.Error}");
        }
    }

    private static DeploymentBehavior Behaviour(string name) => name switch
    {
        "high" => new DeploymentBehavior { Policy = EmulatorPolicy.High },
        "obey-injection" => new DeploymentBehavior { Policy = EmulatorPolicy.ObeyInjection },
        "low" => new DeploymentBehavior { Policy = EmulatorPolicy.Low },
        "malformed" => new DeploymentBehavior { Policy = EmulatorPolicy.Malformed },
        "hallucinate" => new DeploymentBehavior { Policy = EmulatorPolicy.Hallucinate },
        // 30% of requests throttled with a short retry-after: retries absorb most, and any review they cannot save is an error.
        "429-storm" => new DeploymentBehavior { Policy = EmulatorPolicy.High, Rate429 = 0.3, RetryAfterMs = 5 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
