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
        Assert.All(groups, g => Assert.InRange(g, 1, 64));
        Assert.Equal(150, done);
        Assert.Equal(sources, result.Profiles.Select(p => p.Source));
        await writer.DidNotReceive().RecordAsync(Arg.Any<ProfileReport>(), Arg.Any<CancellationToken>());
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
}
