using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Storage;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Storage;

public sealed class ChainCheckpointWriteTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Export_ThatCannotBeMovedIntoPlace_FailsAndLeavesNoTemporaryFileBehind()
    {
        await using var services = TestHost.Build(storePath: Path.Combine(_dir.Path, "history.db"));
        var store = services.GetRequiredService<IReviewStore>();
        await store.InitializeAsync(CancellationToken.None);
        await store.StartRunAsync(ReportFactory.Run("run-1", ReportFactory.T0), CancellationToken.None);
        Assert.True(await store.RecordAsync(ReportFactory.Report("run-1", "pa", "va"), CancellationToken.None));
        // The target is a folder: the checkpoint is written beside it, and the rename over it fails.
        var target = Directory.CreateDirectory(Path.Combine(_dir.Path, "witness.json")).FullName;

        await Assert.ThrowsAnyAsync<IOException>(() => services.GetRequiredService<ChainCheckpoints>().ExportAsync(target, CancellationToken.None));

        Assert.Equal([target], Directory.GetFileSystemEntries(_dir.Path, "witness.json*"));
    }
}
