using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Storage;

namespace ReviewPanel.Tests.Storage;

/// <summary>What the durable queue must do on every backend. Each test gets a fresh, empty database.</summary>
public abstract class WorkQueueContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly List<IReviewStore> stores = [];

    /// <summary>A new store instance over the same database (another worker).</summary>
    private protected abstract IReviewStore CreateStore(TimeProvider timeProvider);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private async Task<IWorkQueue> OpenAsync(TimeProvider? timeProvider = null)
    {
        var store = CreateStore(timeProvider ?? TimeProvider.System);
        stores.Add(store);
        await store.InitializeAsync(None);
        return (IWorkQueue)store;
    }

    private static QueuedDraft Draft(string name, string? key = null) => new($"/drafts/{name}.txt", Encoding.UTF8.GetBytes("content of " + name), key);

    [StoreFact]
    public async Task ClaimAsync_AfterEnqueue_LeasesOldestJobWithItsStoredContent()
    {
        var queue = await OpenAsync();
        Assert.Equal(2, await queue.EnqueueAsync("run-1", [Draft("a"), Draft("b")], None));

        var job = await queue.ClaimAsync("w1", Lease, 3, None);

        Assert.NotNull(job);
        Assert.Equal("/drafts/a.txt", job.Source);
        Assert.Equal("run-1", job.RunId);
        Assert.Equal("content of a", Encoding.UTF8.GetString(job.Content));
        Assert.Equal(WorkState.Leased, job.State);
        Assert.Equal(1, job.Attempt);
        Assert.Equal("w1", job.WorkerId);
        var status = await queue.GetStatusAsync(None);
        Assert.Equal(1, status.Counts[WorkState.Leased]);
        Assert.Equal(1, status.Counts[WorkState.Queued]);
        Assert.Equal("/drafts/b.txt", status.OldestWaiting?.Source);
    }

    [StoreFact]
    public async Task ClaimAsync_ManyWorkersAtOnce_NeverLeaseTheSameJobTwice()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync("run-1", Enumerable.Range(0, 40).Select(i => Draft("p" + i)).ToList(), None);
        var workers = new List<IWorkQueue>();
        for (var w = 0; w < 4; w++)
        {
            workers.Add(await OpenAsync());
        }

        var claimed = await Task.WhenAll(workers.Select(async (q, w) =>
        {
            var mine = new List<long>();
            while (await q.ClaimAsync("w" + w, Lease, 3, None) is { } job)
            {
                mine.Add(job.Id);
            }
            return mine;
        }));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [StoreFact]
    public async Task ClaimAsync_LeaseExpired_JobIsClaimedAgainWithTheNextAttempt()
    {
        var clock = new FakeTimeProvider(ReportFactory.T0);
        var queue = await OpenAsync(clock);
        await queue.EnqueueAsync("run-1", [Draft("a")], None);
        var first = await queue.ClaimAsync("w1", Lease, 3, None);
        Assert.Null(await queue.ClaimAsync("w2", Lease, 3, None));

        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = await queue.ClaimAsync("w2", Lease, 3, None);

        Assert.Equal(first!.Id, second?.Id);
        Assert.Equal(2, second!.Attempt);
        Assert.False(await queue.RenewLeaseAsync(first, Lease, None));
        Assert.True(await queue.RenewLeaseAsync(second, Lease, None));
    }

    [StoreFact]
    public async Task ClaimAsync_LeaseExpiredOnLastAttempt_JobGoesDeadWithItsReason()
    {
        var clock = new FakeTimeProvider(ReportFactory.T0);
        var queue = await OpenAsync(clock);
        await queue.EnqueueAsync("run-1", [Draft("a")], None);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.NotNull(await queue.ClaimAsync("w1", Lease, 2, None));
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Null(await queue.ClaimAsync("w1", Lease, 2, None));
        var dead = Assert.Single(await queue.ListAsync(WorkState.Dead, None).ToListAsync());
        Assert.Contains("lease expired on attempt 2 of 2", dead.LastError, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task CompleteAsync_ReleasedAndCompletedTwice_RecordsOneVerdictAndMarksDone()
    {
        var clock = new FakeTimeProvider(ReportFactory.T0);
        var queue = await OpenAsync(clock);
        var store = (IReviewStore)queue;
        await queue.EnqueueAsync("run-1", [Draft("a")], None);
        var first = (await queue.ClaimAsync("w1", Lease, 3, None))!;
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = (await queue.ClaimAsync("w2", Lease, 3, None))!;
        var report = ReportFactory.Report("run-1", "p1", "v1");

        Assert.True(await queue.CompleteAsync(second, report, None));
        Assert.False(await queue.CompleteAsync(first, report, None));

        Assert.Single(await store.GetRunVerdictsAsync("run-1", None).ToListAsync());
        var status = await queue.GetStatusAsync(None);
        Assert.Equal(1, status.Counts[WorkState.Done]);
        Assert.Null(status.OldestWaiting);
        Assert.True((await store.VerifyChainAsync(None)).Intact);
    }

    [StoreFact]
    public async Task FailAsync_UntilMaxAttempts_ErroredThenDeadThenRequeueable()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync("run-1", [Draft("poison")], None);

        var states = new List<WorkState>();
        while (await queue.ClaimAsync("w1", Lease, 3, None) is { } job)
        {
            states.Add(await queue.FailAsync(job, "boom " + job.Attempt, 3, None));
        }

        Assert.Equal([WorkState.Errored, WorkState.Errored, WorkState.Dead], states);
        var dead = Assert.Single(await queue.ListAsync(WorkState.Dead, None).ToListAsync());
        Assert.Equal("boom 3", dead.LastError);
        Assert.Equal(1, await queue.RequeueDeadAsync(None));
        var again = await queue.ClaimAsync("w1", Lease, 3, None);
        Assert.Equal(1, again?.Attempt);
        Assert.False(await queue.RequeueAsync(again!.Id, None));
    }

    [StoreFact]
    public async Task ReleaseAsync_LeasedJob_QueuedAgainWithoutCountingTheAttempt()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync("run-1", [Draft("a")], None);
        var job = (await queue.ClaimAsync("w1", Lease, 3, None))!;

        Assert.True(await queue.ReleaseAsync(job, None));

        var again = await queue.ClaimAsync("w2", Lease, 3, None);
        Assert.Equal(1, again?.Attempt);
        Assert.False(await queue.ReleaseAsync(job, None));
    }

    [StoreFact]
    public async Task EnqueueAsync_SameDedupeKeyTwice_QueuedOnce()
    {
        var queue = await OpenAsync();

        Assert.Equal(1, await queue.EnqueueAsync("run-1", [Draft("a", "inbox:a:1")], None));
        Assert.Equal(0, await queue.EnqueueAsync("run-2", [Draft("a", "inbox:a:1")], None));

        Assert.Equal(1, (await queue.GetStatusAsync(None)).Counts[WorkState.Queued]);
        Assert.Equal("content of a", Encoding.UTF8.GetString((await queue.FindLatestContentAsync("/drafts/a.txt", None))!));
    }

    [StoreFact]
    public async Task EnqueueAsync_ContentAlreadyQueuedOrLeased_IsSkipped()
    {
        var queue = await OpenAsync();

        Assert.Equal(2, await queue.EnqueueAsync("run-1", [Draft("a"), Draft("b")], None));
        Assert.Equal(0, await queue.EnqueueAsync("run-2", [Draft("a"), Draft("b")], None));
        _ = await queue.ClaimAsync("w1", Lease, 3, None);
        Assert.Equal(1, await queue.EnqueueAsync("run-3", [Draft("a"), Draft("b"), Draft("c"), Draft("c")], None));

        var counts = (await queue.GetStatusAsync(None)).Counts;
        Assert.Equal(2, counts[WorkState.Queued]);
        Assert.Equal(1, counts[WorkState.Leased]);
    }

    [StoreFact]
    public async Task EnqueueAsync_ContentWhoseJobIsDone_IsQueuedAgain()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync("run-1", [Draft("a")], None);
        var job = (await queue.ClaimAsync("w1", Lease, 3, None))!;
        await queue.CompleteAsync(job, ReportFactory.Report("run-1", "pa", "va"), None);

        Assert.Equal(1, await queue.EnqueueAsync("run-2", [Draft("a")], None));
    }

    [StoreFact]
    public async Task GetStatusAsync_DoneJobs_CountedPerWorker()
    {
        var queue = await OpenAsync();
        await queue.EnqueueAsync("run-1", [Draft("a"), Draft("b"), Draft("c")], None);
        var i = 0;
        foreach (var worker in new[] { "w1", "w2", "w1" })
        {
            var job = (await queue.ClaimAsync(worker, Lease, 3, None))!;
            await queue.CompleteAsync(job, ReportFactory.Report("run-1", "p" + i, "v" + i++), None);
        }

        var status = await queue.GetStatusAsync(None);

        Assert.Equal(3, status.Counts[WorkState.Done]);
        Assert.Equal(2, status.DoneByWorker["w1"]);
        Assert.Equal(1, status.DoneByWorker["w2"]);
    }
}
