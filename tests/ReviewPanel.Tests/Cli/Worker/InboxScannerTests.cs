using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ReviewPanel.Cli.Worker;
using ReviewPanel.Profiles;
using ReviewPanel.Storage;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>
/// The inbox race by construction (issue 13, item 5): the scanner's clock is a fake, so "a file younger than the settle
/// time" is a fact of the test, not of the machine's speed. Unsettled files are pending, never forgotten.
/// </summary>
public sealed class InboxScannerTests : IDisposable
{
    private readonly TempFolder dir = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly IWorkQueue queue = Substitute.For<IWorkQueue>();

    public InboxScannerTests()
    {
        queue.EnqueueAsync(default!, default!, default).ReturnsForAnyArgs(c => c.Arg<IReadOnlyList<QueuedDraft>>().Count);
    }

    public void Dispose() => dir.Dispose();

    private InboxScanner CreateSut() => new(dir.Path, new ProfileImporter(), queue, clock, NullLogger.Instance);

    private string Draft(string name, DateTimeOffset written)
    {
        var path = dir.Write(name, "draft " + name);
        File.SetLastWriteTimeUtc(path, written.UtcDateTime);
        return path;
    }

    [Fact]
    public async Task ScanAsync_FileYoungerThanTheSettleTime_IsPendingThenTakenWhenSettled()
    {
        var sut = CreateSut();
        Draft("fresh.txt", clock.GetUtcNow());

        Assert.Equal(0, await sut.ScanAsync("run-1", CancellationToken.None));
        Assert.Equal(1, sut.Pending);

        clock.Advance(InboxScanner.SettleTime);
        Assert.Equal(1, await sut.ScanAsync("run-1", CancellationToken.None));
        Assert.Equal(0, sut.Pending);
        Assert.True(File.Exists(Path.Combine(sut.Accepted, "fresh.txt")));
    }

    [Fact]
    public async Task ScanAsync_FileStampedInTheFuture_IsTakenOnceSeenUnchangedForTheSettleTime()
    {
        var sut = CreateSut();
        Draft("skewed.txt", clock.GetUtcNow().AddDays(1));

        Assert.Equal(0, await sut.ScanAsync("run-1", CancellationToken.None));
        Assert.Equal(1, sut.Pending);
        clock.Advance(InboxScanner.SettleTime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await sut.ScanAsync("run-1", CancellationToken.None));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await sut.ScanAsync("run-1", CancellationToken.None));
        Assert.Equal(0, sut.Pending);
    }

    [Fact]
    public async Task ScanAsync_FileThatKeepsGrowing_WaitsUntilItStopsChanging()
    {
        var sut = CreateSut();
        var path = Draft("growing.txt", clock.GetUtcNow().AddDays(1));
        await sut.ScanAsync("run-1", CancellationToken.None);

        clock.Advance(InboxScanner.SettleTime);
        File.AppendAllText(path, " more");
        File.SetLastWriteTimeUtc(path, clock.GetUtcNow().AddDays(1).UtcDateTime);
        Assert.Equal(0, await sut.ScanAsync("run-1", CancellationToken.None));
        Assert.Equal(1, sut.Pending);

        clock.Advance(InboxScanner.SettleTime);
        Assert.Equal(1, await sut.ScanAsync("run-1", CancellationToken.None));
    }

    [Fact]
    public async Task ScanAsync_OldFile_IsTakenOnTheFirstScan()
    {
        var sut = CreateSut();
        Draft("old.txt", clock.GetUtcNow().AddMinutes(-5));

        Assert.Equal(1, await sut.ScanAsync("run-1", CancellationToken.None));
        Assert.Equal(0, sut.Pending);
    }
}
