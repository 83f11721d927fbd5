using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NSubstitute;
using ReviewPanel.Cli.Worker;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Storage;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>A store that fails while a finished review is being recorded: the job is the store's loss, not the profile's.</summary>
public sealed class QueueWorkerStoreFaultTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CommitFailsWithDiskFull_JobGoesBackToTheQueueWithoutSpendingAnAttempt_AndIsRecordedOnceLater()
    {
        await using var services = TestHost.Build(storePath: Path.Combine(_dir.Path, "history.db"));
        var store = services.GetRequiredService<IReviewStore>();
        await store.InitializeAsync(CancellationToken.None);
        var real = services.GetRequiredService<IWorkQueue>();
        GeneratedProfiles.Write(Path.Combine(_dir.Path, "drafts"), 2);
        var sources = Directory.GetFiles(Path.Combine(_dir.Path, "drafts")).Order(StringComparer.Ordinal).ToList();
        await real.EnqueueAsync("run-1", [.. sources.Select(s => new QueuedDraft(s, File.ReadAllBytes(s)))], CancellationToken.None);
        var queue = new FirstCommitFails(real);
        var logs = new FakeLogger<QueueWorker>();
        var lifetime = Substitute.For<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Returns(new CancellationToken(canceled: true));
        var worker = new QueueWorker(
            Options.Create(new WorkerOptions { MaxInFlight = 1, ExitWhenIdle = true, PollMilliseconds = 10, MaxAttempts = 1 }),
            queue, services.GetRequiredService<IHistoryWriter>(), services.GetRequiredService<ProfileImporter>(),
            services.GetRequiredService<PanelBuilder>(), services.GetRequiredService<ChainCheckpoints>(), lifetime,
            TimeProvider.System, logs);

        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        // MaxAttempts 1: had the failed commit spent the job's attempt, the job would now be dead, not done.
        var status = await real.GetStatusAsync(CancellationToken.None);
        Assert.Equal(2, status.Counts[WorkState.Done]);
        Assert.Equal(0, status.Counts[WorkState.Dead] + status.Counts[WorkState.Errored] + status.Counts[WorkState.Queued]);
        Assert.Equal(3, queue.Commits);
        var recorded = new List<string>();
        await foreach (var verdict in store.GetRunVerdictsAsync("run-1", CancellationToken.None))
        {
            recorded.Add(verdict.Source);
        }
        Assert.Equal(sources.Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal));
        var lost = Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 5014);
        Assert.Equal(LogLevel.Warning, lost.Level);
        Assert.Null(lost.Exception);
        Assert.Contains("database or disk is full", lost.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Exception is not null);
    }

    /// <summary>The real queue, except that the first commit fails the way SQLite does on a full disk, writing nothing.</summary>
    private sealed class FirstCommitFails(IWorkQueue inner) : IWorkQueue
    {
        private int _commits;

        public int Commits => _commits;

        public Task<bool> CompleteAsync(WorkItem item, ProfileReport report, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _commits) == 1
                ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)
                : inner.CompleteAsync(item, report, cancellationToken);

        public Task<int> EnqueueAsync(string runId, IReadOnlyList<QueuedDraft> drafts, CancellationToken cancellationToken) => inner.EnqueueAsync(runId, drafts, cancellationToken);

        public Task<WorkItem?> ClaimAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken) => inner.ClaimAsync(workerId, lease, maxAttempts, cancellationToken);

        public Task<bool> RenewLeaseAsync(WorkItem item, TimeSpan lease, CancellationToken cancellationToken) => inner.RenewLeaseAsync(item, lease, cancellationToken);

        public Task<WorkState> FailAsync(WorkItem item, string error, int maxAttempts, CancellationToken cancellationToken) => inner.FailAsync(item, error, maxAttempts, cancellationToken);

        public Task<bool> ReleaseAsync(WorkItem item, CancellationToken cancellationToken) => inner.ReleaseAsync(item, cancellationToken);

        public Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken) => inner.GetStatusAsync(cancellationToken);

        public IAsyncEnumerable<WorkItem> ListAsync(WorkState state, CancellationToken cancellationToken) => inner.ListAsync(state, cancellationToken);

        public Task<bool> RequeueAsync(long id, CancellationToken cancellationToken) => inner.RequeueAsync(id, cancellationToken);

        public Task<int> RequeueDeadAsync(CancellationToken cancellationToken) => inner.RequeueDeadAsync(cancellationToken);

        public Task<byte[]?> FindLatestContentAsync(string source, CancellationToken cancellationToken) => inner.FindLatestContentAsync(source, cancellationToken);
    }
}
