using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Storage;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Reporting;

public sealed class RunReportQueryTests
{
    [Fact]
    public async Task LoadAsync_TenTimesTheProfiles_MakesTheSameNumberOfStoreCalls()
    {
        var small = await CallsToLoadRunOfAsync(3);
        var large = await CallsToLoadRunOfAsync(30);

        Assert.Equal(small.Calls, large.Calls);
        Assert.Equal((3, 30), (small.Profiles, large.Profiles));
        Assert.DoesNotContain(nameof(IHistoryReader.GetReportAsync), large.Calls);
        Assert.DoesNotContain(nameof(IHistoryReader.GetHistoryAsync), large.Calls);
    }

    [Fact]
    public async Task LoadAsync_ProfileReviewedInTwoRuns_CarriesBothPointsOfItsHistory()
    {
        using var dir = new TempFolder();
        await using var services = TestHost.Build(storePath: Path.Combine(dir.Path, "h.db"));
        var runs = services.GetRequiredService<ReviewRunService>();
        await services.GetRequiredService<IHistoryWriter>().InitializeAsync(CancellationToken.None);
        var source = RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt");
        await runs.RunAsync(new RunRequest { Sources = [source], Command = "test" }, CancellationToken.None);
        var second = await runs.RunAsync(new RunRequest { Sources = [source], Command = "test" }, CancellationToken.None);

        var model = await runs.Reports.LoadAsync(second.RunId, CancellationToken.None);

        var history = model!.History[model.Profiles.Single().ProfileId!];
        Assert.Equal(2, history.Count);
        Assert.Equal(second.RunId, history[^1].RunId);
    }

    private static async Task<(List<string> Calls, int Profiles)> CallsToLoadRunOfAsync(int count)
    {
        using var dir = new TempFolder();
        var fixture = await File.ReadAllTextAsync(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"));
        var sources = Enumerable.Range(0, count)
            .Select(i => dir.Write($"p{i}.txt", fixture.Replace("DATA.DATAPLATENG3B2.P4", $"DATA.DATAPLATENG3B{i}.P4", StringComparison.Ordinal)))
            .ToList();
        await using var services = TestHost.Build(storePath: Path.Combine(dir.Path, "h.db"));
        await services.GetRequiredService<IHistoryWriter>().InitializeAsync(CancellationToken.None);
        var result = await services.GetRequiredService<ReviewRunService>().RunAsync(new RunRequest { Sources = sources, Command = "test" }, CancellationToken.None);
        var counting = new CountingHistoryReader(services.GetRequiredService<IHistoryReader>());

        var model = await new RunReportQuery(counting).LoadAsync(result.RunId, CancellationToken.None);

        return (counting.Calls, model!.Profiles.Count);
    }

    /// <summary>Counts every call that reaches the store.</summary>
    private sealed class CountingHistoryReader(IHistoryReader inner) : IHistoryReader
    {
        public List<string> Calls { get; } = [];

        private T Count<T>(T result, [CallerMemberName] string name = "")
        {
            Calls.Add(name);
            return result;
        }

        public IAsyncEnumerable<StoredVerdict> GetHistoryAsync(string profileId, CancellationToken ct) => Count(inner.GetHistoryAsync(profileId, ct));
        public Task<ProfileReport?> GetLatestReportAsync(string profileId, CancellationToken ct) => Count(inner.GetLatestReportAsync(profileId, ct));
        public Task<ProfileReport?> GetReportAsync(long sequence, CancellationToken ct) => Count(inner.GetReportAsync(sequence, ct));
        public IAsyncEnumerable<StoredVerdict> GetLatestVerdictsAsync(CancellationToken ct) => Count(inner.GetLatestVerdictsAsync(ct));
        public Task<RunProvenance?> GetRunAsync(string runId, CancellationToken ct) => Count(inner.GetRunAsync(runId, ct));
        public Task<string?> GetLatestRunIdAsync(CancellationToken ct) => Count(inner.GetLatestRunIdAsync(ct));
        public IAsyncEnumerable<StoredVerdict> GetRunVerdictsAsync(string runId, CancellationToken ct) => Count(inner.GetRunVerdictsAsync(runId, ct));
        public IAsyncEnumerable<ProfileReport> GetRunReportsAsync(string runId, CancellationToken ct) => Count(inner.GetRunReportsAsync(runId, ct));
        public IAsyncEnumerable<StoredVerdict> GetRunProfileHistoriesAsync(string runId, CancellationToken ct) => Count(inner.GetRunProfileHistoriesAsync(runId, ct));
        public Task<(Review Review, string RunId)?> FindCachedReviewAsync(string cacheKey, CancellationToken ct) => Count(inner.FindCachedReviewAsync(cacheKey, ct));
    }
}
