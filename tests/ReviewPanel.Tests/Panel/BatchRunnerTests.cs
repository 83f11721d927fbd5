using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Provenance;
using ReviewPanel.Storage;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Panel;

public sealed class BatchRunnerTests
{
    private static readonly RunProvenance Run = new()
    {
        RunId = "run-batch",
        ToolVersion = "test",
        RubricSha256 = "rubric",
        Reviewers = [],
        Command = "test",
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    private static IReadOnlyList<string> Sources(TempFolder dir, int count)
    {
        var fixture = File.ReadAllText(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"));
        return Enumerable.Range(0, count)
            .Select(i => dir.Write($"p{i}.txt", fixture.Replace("DATA.DATAPLATENG3B2.P4", $"DATA.DATAPLATENG3C{i}.P4", StringComparison.Ordinal)))
            .ToList();
    }

    [Fact]
    public async Task RunAsync_ManyProfiles_RecordsThemInGroupsAndReportsEachOnceInOrder()
    {
        using var dir = new TempFolder();
        var writer = Substitute.For<IHistoryWriter>();
        var groups = new List<int>();
        writer.RecordManyAsync(Arg.Any<IReadOnlyList<ProfileReport>>(), Arg.Any<CancellationToken>())
            .Returns(call => { groups.Add(call.Arg<IReadOnlyList<ProfileReport>>().Count); return call.Arg<IReadOnlyList<ProfileReport>>().Count; });
        var done = 0;
        var sources = Sources(dir, 150);

        var result = await new BatchRunner(new ProfileImporter(), writer, TimeProvider.System, NullLogger<BatchRunner>.Instance)
            .RunAsync(TestHost.OfflinePanel(), Run, sources, 4, _ => Interlocked.Increment(ref done), CancellationToken.None);

        Assert.Equal(150, groups.Sum());
        Assert.All(groups, g => Assert.InRange(g, 1, BatchRunner.GroupSize));
        Assert.Equal(150, done);
        Assert.Equal(sources, result.Profiles.Select(p => p.Source));
        await writer.DidNotReceive().RecordAsync(Arg.Any<ProfileReport>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_ALargeBatch_KeepsItsSummariesInAFile_AndPrintsTheSameJsonAsInMemory()
    {
        using var dir = new TempFolder();
        var writer = Substitute.For<IHistoryWriter>();
        writer.RecordManyAsync(Arg.Any<IReadOnlyList<ProfileReport>>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<IReadOnlyList<ProfileReport>>().Count);
        var sources = Sources(dir, 40);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);

        var inMemory = await new BatchRunner(new ProfileImporter(), writer, time, NullLogger<BatchRunner>.Instance)
            .RunAsync(TestHost.OfflinePanel(), Run, sources, 4, null, CancellationToken.None);
        var spilled = await new BatchRunner(new ProfileImporter(), writer, time, NullLogger<BatchRunner>.Instance) { SpillAbove = 10 }
            .RunAsync(TestHost.OfflinePanel(), Run, sources, 4, null, CancellationToken.None);

        Assert.False(((SummaryList)inMemory.Profiles).Spilled);
        Assert.True(((SummaryList)spilled.Profiles).Spilled);
        Assert.Equal(sources, spilled.Profiles.Select(p => p.Source));
        Assert.Equal(ReviewPanel.Cli.Output.BatchOutput.Json(inMemory), ReviewPanel.Cli.Output.BatchOutput.Json(spilled));
    }

    [Fact]
    public async Task RunAsync_StoreFailsToRecord_StopsTheReviewsAndThrowsTheStoresFault()
    {
        using var dir = new TempFolder();
        var writer = Substitute.For<IHistoryWriter>();
        writer.RecordManyAsync(Arg.Any<IReadOnlyList<ProfileReport>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk full"));

        var ex = await Assert.ThrowsAsync<IOException>(() => new BatchRunner(new ProfileImporter(), writer, TimeProvider.System, NullLogger<BatchRunner>.Instance)
            .RunAsync(TestHost.OfflinePanel(), Run, Sources(dir, 400), 4, null, CancellationToken.None));

        Assert.Equal("disk full", ex.Message);
    }

    [Fact]
    public async Task RunAsync_CircuitOpen_ProfilesNotStartedWaitForTheBreakToEnd_ThenAreReviewed()
    {
        using var dir = new TempFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var circuits = new EndpointStatus(time);
        circuits.CircuitOpened("default", TimeSpan.FromSeconds(30));
        var sources = Sources(dir, 3);

        var run = new BatchRunner(new ProfileImporter(), Substitute.For<IHistoryWriter>(), time, NullLogger<BatchRunner>.Instance)
            .RunAsync(TestHost.OfflinePanel(), Run, sources, (s, _) => ValueTask.FromResult(new ProfileImporter().Import(s)), 2, null, CancellationToken.None,
                waitToStart: ReviewRunService.WaitForEndpoints(circuits, TimeSpan.FromSeconds(600)));

        await Task.Delay(50);
        Assert.False(run.IsCompleted); // held, not failed
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await run;

        Assert.Equal(3, result.Profiles.Count);
        Assert.DoesNotContain(result.Profiles, p => p.Verdict == ReviewPanel.Scoring.VerdictOutcome.Error);
    }

    [Fact]
    public async Task RunAsync_CircuitStaysOpenPastTheDeadline_ProfilesBecomeErrorsSayingSo()
    {
        using var dir = new TempFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var circuits = new EndpointStatus(time);
        circuits.CircuitOpened("default", TimeSpan.FromHours(1));

        var run = new BatchRunner(new ProfileImporter(), Substitute.For<IHistoryWriter>(), time, NullLogger<BatchRunner>.Instance)
            .RunAsync(TestHost.OfflinePanel(), Run, Sources(dir, 2), (s, _) => ValueTask.FromResult(new ProfileImporter().Import(s)), 2, null, CancellationToken.None,
                waitToStart: ReviewRunService.WaitForEndpoints(circuits, TimeSpan.FromSeconds(120)));
        // Each profile's wait starts when its slot starts it: move the clock until both have waited out the deadline.
        for (var i = 0; i < 200 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(10);
        }
        var result = await run;

        Assert.All(result.Profiles, p =>
        {
            Assert.Equal(ReviewPanel.Scoring.VerdictOutcome.Error, p.Verdict);
            Assert.Contains("circuit stayed open", p.Error, StringComparison.Ordinal);
            Assert.Contains("CircuitWaitSeconds (120 s)", p.Error, StringComparison.Ordinal);
        });
    }
}
