using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;

namespace ReviewPanel.Tests.Storage;

/// <summary>
/// What every <see cref="IReviewStore"/> backend must do. Each test gets a fresh, empty database; tampering is
/// done with raw SQL on a separate connection, as an attacker with database access would.
/// </summary>
public abstract class ReviewStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<IReviewStore> stores = [];

    /// <summary>A new store instance over the same database (a reopen, or another worker).</summary>
    private protected abstract IReviewStore CreateStore(TimeProvider timeProvider);

    /// <summary>An open connection to the same database, outside the store.</summary>
    private protected abstract Task<DbConnection> OpenRawConnectionAsync();

    /// <summary>Drops the append-only triggers, so a tamper test reaches the chain check.</summary>
    private protected abstract Task DropAppendOnlyGuardsAsync(DbConnection connection);

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

    private async Task<IReviewStore> OpenStoreAsync(TimeProvider? timeProvider = null)
    {
        var store = CreateStore(timeProvider ?? TimeProvider.System);
        stores.Add(store);
        await store.InitializeAsync(None);
        return store;
    }

    [StoreFact]
    public async Task RecordAsync_ThenReopen_NewInstanceReadsEverythingBack()
    {
        var clock = new FakeTimeProvider(ReportFactory.T0.AddTicks(1234567));
        var first = await OpenStoreAsync(clock);
        await first.StartRunAsync(ReportFactory.Run("run-1", ReportFactory.T0), None);
        var report = ReportFactory.Report("run-1", "devops-sre-p6", "v1hash", lowScore: 3);
        Assert.True(await first.RecordAsync(report, None));
        Assert.True(await first.RecordAsync(ReportFactory.FailedImport("run-1", "drafts/broken.json"), None));
        await first.FinishRunAsync("run-1", ReportFactory.T0.AddMinutes(2), None);

        var reopened = await OpenStoreAsync();

        var history = await reopened.GetHistoryAsync("devops-sre-p6", None).ToListAsync();
        var stored = Assert.Single(history);
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(VerdictOutcome.Fail, stored.Outcome);
        Assert.Equal(3, stored.Minimum);
        Assert.Equal([Dimensions.Accuracy], stored.Failing);
        Assert.Equal(3, stored.Scores[Dimensions.Accuracy]);
        Assert.Null(stored.Scores[Dimensions.Fairness]);
        Assert.Equal("drafts/devops-sre-p6.json", stored.Source);
        // Stored at microsecond precision: the 7th tick digit is dropped.
        Assert.Equal(ReportFactory.T0.AddTicks(1234560), stored.RecordedAt);

        var latest = await reopened.GetLatestReportAsync("devops-sre-p6", None);
        Assert.NotNull(latest);
        Assert.Equal(Json(report), Json(latest));
        Assert.Equal(Json(report), Json((await reopened.GetReportAsync(1, None))!));
        Assert.Null(await reopened.GetReportAsync(99, None));

        var run = await reopened.GetRunAsync("run-1", None);
        Assert.NotNull(run);
        Assert.Equal("review drafts/", run.Command);
        Assert.Equal(ReportFactory.T0.AddMinutes(2), run.FinishedAt);
        Assert.Equal(2, (await reopened.GetRunVerdictsAsync("run-1", None).ToListAsync()).Count);
    }

    [StoreFact]
    public async Task RecordAsync_SameRunAndVersionTwice_SecondReturnsFalseAndWritesNothing()
    {
        var store = await OpenStoreAsync();
        var report = ReportFactory.Report("run-1", "p1", "hash-1");

        Assert.True(await store.RecordAsync(report, None));
        Assert.False(await store.RecordAsync(report with { Title = "changed" }, None));
        // The same version in another run is a new verdict.
        Assert.True(await store.RecordAsync(report with { RunId = "run-2" }, None));

        var history = await store.GetHistoryAsync("p1", None).ToListAsync();
        Assert.Equal([2L, 1L], history.Select(v => v.Sequence));
        Assert.Equal("Title of p1 — «quoted» 'single'", (await store.GetReportAsync(1, None))!.Title);
        Assert.True((await store.VerifyChainAsync(None)).Intact);
    }

    [StoreFact]
    public async Task RecordAsync_FailedImportTwiceInOneRun_IsRecordedOnceUnderItsSource()
    {
        var store = await OpenStoreAsync();

        Assert.True(await store.RecordAsync(ReportFactory.FailedImport("run-1", "drafts/a.json"), None));
        Assert.False(await store.RecordAsync(ReportFactory.FailedImport("run-1", "drafts/a.json"), None));
        Assert.True(await store.RecordAsync(ReportFactory.FailedImport("run-1", "drafts/b.json"), None));

        var verdicts = await store.GetRunVerdictsAsync("run-1", None).ToListAsync();
        Assert.Equal(["drafts/a.json", "drafts/b.json"], verdicts.Select(v => v.Source));
        Assert.All(verdicts, v => Assert.Equal("", v.ProfileId));
        Assert.All(verdicts, v => Assert.Equal(VerdictOutcome.Error, v.Outcome));
        Assert.Null((await store.GetReportAsync(1, None))!.ProfileId);
    }

    [StoreFact]
    public async Task BulkReads_OneRun_StreamItsReportsAndItsProfilesWholeHistoriesOldestFirst()
    {
        var store = await OpenStoreAsync();
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1"), None);
        await store.RecordAsync(ReportFactory.Report("run-1", "untouched", "u1"), None);
        await store.RecordAsync(ReportFactory.Report("run-2", "p1", "v2"), None);
        await store.RecordAsync(ReportFactory.Report("run-2", "p2", "w1"), None);
        await store.RecordAsync(ReportFactory.FailedImport("run-2", "drafts/bad.json"), None);

        var reports = await store.GetRunReportsAsync("run-2", None).ToListAsync();
        var histories = await store.GetRunProfileHistoriesAsync("run-2", None).ToListAsync();

        Assert.Equal(["p1", "p2", null], reports.Select(r => r.ProfileId));
        Assert.Equal([("p1", "run-1"), ("p1", "run-2"), ("p2", "run-2")], histories.Select(v => (v.ProfileId, v.RunId)));
    }

    [StoreFact]
    public async Task RecordManyAsync_AGroup_IsChainedInOrderInOneGo_AndSkipsWhatTheRunAlreadyHolds()
    {
        var store = await OpenStoreAsync();
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1"), None);

        var recorded = await store.RecordManyAsync(
            [ReportFactory.Report("run-1", "p1", "v1"), ReportFactory.Report("run-1", "p2", "v2"), ReportFactory.Report("run-1", "p3", "v3")], None);

        Assert.Equal(2, recorded);
        Assert.Equal(["p1", "p2", "p3"], (await store.GetRunVerdictsAsync("run-1", None).ToListAsync()).Select(v => v.ProfileId));
        var chain = await store.VerifyChainAsync(None);
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(3, chain.RecordsChecked);
    }

    [StoreFact]
    public async Task GetHistoryAsync_SeveralRuns_ReturnsVerdictsNewestFirst()
    {
        var store = await OpenStoreAsync();
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1"), None);
        await store.RecordAsync(ReportFactory.Report("run-1", "other", "o1"), None);
        await store.RecordAsync(ReportFactory.Report("run-2", "p1", "v2"), None);
        await store.RecordAsync(ReportFactory.Report("run-3", "p1", "v3", lowScore: 4), None);

        var history = await store.GetHistoryAsync("p1", None).ToListAsync();

        Assert.Equal(["v3", "v2", "v1"], history.Select(v => v.VersionHash));
        Assert.Equal(["run-3", "run-2", "run-1"], history.Select(v => v.RunId));
        Assert.Equal(VerdictOutcome.Pass, history[0].Outcome);
        Assert.Empty(await store.GetHistoryAsync("nobody", None).ToListAsync());
    }

    [StoreFact]
    public async Task GetLatestVerdictsAsync_ReturnsNewestPerProfile_AndFailedImportsUntilTheirSourceRecordsAgain()
    {
        var store = await OpenStoreAsync();
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "p1-v1"), None);
        await store.RecordAsync(ReportFactory.Report("run-1", "p2", "p2-v1"), None);
        await store.RecordAsync(ReportFactory.FailedImport("run-1", "drafts/fixed.json"), None);
        await store.RecordAsync(ReportFactory.FailedImport("run-1", "drafts/still-broken.json"), None);
        await store.RecordAsync(ReportFactory.Report("run-2", "p1", "p1-v2", lowScore: 5), None);
        await store.RecordAsync(ReportFactory.Report("run-2", "p3", "p3-v1", source: "drafts/fixed.json"), None);

        var latest = await store.GetLatestVerdictsAsync(None).ToListAsync();

        Assert.Equal(
            ["drafts/still-broken.json", "p1-v2", "p2-v1", "p3-v1"],
            latest.Select(v => v.ProfileId == "" ? v.Source : v.VersionHash).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task FindCachedReviewAsync_ReturnsNewestOkReviewWithItsRun_AndIgnoresErrors()
    {
        var store = await OpenStoreAsync();
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1", cacheKey: "key-ok"), None);
        await store.RecordAsync(ReportFactory.Report("run-2", "p2", "v2", cacheKey: "key-ok", lowScore: 2), None);
        await store.RecordAsync(ReportFactory.Report("run-3", "p3", "v3", cacheKey: "key-error", status: ReviewStatus.Error), None);

        var hit = await store.FindCachedReviewAsync("key-ok", None);

        Assert.NotNull(hit);
        Assert.Equal("run-2", hit.Value.RunId);
        Assert.Equal("heuristic.consistency", hit.Value.Review.ReviewerId);
        Assert.Equal(2, hit.Value.Review.Scores[0].Score);
        Assert.True(hit.Value.Review.Scores[0].Evidence[0].Grounded);
        Assert.Null(await store.FindCachedReviewAsync("key-error", None));
        Assert.Null(await store.FindCachedReviewAsync("unknown", None));
    }

    [StoreFact]
    public async Task GetLatestRunIdAsync_SeveralRuns_ReturnsTheLastStarted_AndRunWithoutFinishHasNoFinishedAt()
    {
        var store = await OpenStoreAsync();
        Assert.Null(await store.GetLatestRunIdAsync(None));

        await store.StartRunAsync(ReportFactory.Run("run-b", ReportFactory.T0.AddHours(1)), None);
        await store.StartRunAsync(ReportFactory.Run("run-a", ReportFactory.T0), None);
        await store.StartRunAsync(ReportFactory.Run("run-a", ReportFactory.T0), None);

        Assert.Equal("run-b", await store.GetLatestRunIdAsync(None));
        Assert.Null((await store.GetRunAsync("run-b", None))!.FinishedAt);
        Assert.Null(await store.GetRunAsync("run-z", None));
    }

    [StoreFact]
    public async Task ListRunsAsync_SeveralRuns_NewestFirstWithVerdictCountsAndFinishTime()
    {
        var store = await OpenStoreAsync();
        var catalog = (IRunCatalog)store;
        await store.StartRunAsync(ReportFactory.Run("run-a", ReportFactory.T0), None);
        await store.StartRunAsync(ReportFactory.Run("run-b", ReportFactory.T0.AddHours(1)), None);
        await store.StartRunAsync(ReportFactory.Run("run-empty", ReportFactory.T0.AddHours(2)), None);
        Assert.True(await store.RecordAsync(ReportFactory.Report("run-a", "p1", "v1", lowScore: 3), None));
        Assert.True(await store.RecordAsync(ReportFactory.Report("run-a", "p2", "v2", lowScore: 5), None));
        Assert.True(await store.RecordAsync(ReportFactory.FailedImport("run-b", "bad.txt"), None));
        await store.FinishRunAsync("run-a", ReportFactory.T0.AddMinutes(5), None);

        var runs = await catalog.ListRunsAsync(10, None).ToListAsync();

        Assert.Equal(["run-empty", "run-b", "run-a"], runs.Select(r => r.Run.RunId));
        var a = runs[2];
        Assert.Equal(2, a.Total);
        Assert.Equal((1, 1, 0), (a.Passed, a.Failed, a.Errors));
        Assert.Equal(ReportFactory.T0.AddMinutes(5), a.Run.FinishedAt);
        Assert.Equal((0, 0, 1), (runs[1].Passed, runs[1].Failed, runs[1].Errors));
        Assert.Equal(0, runs[0].Total);
        Assert.Single(await catalog.ListRunsAsync(1, None).ToListAsync());
    }

    [StoreFact]
    public async Task AddWaiverAsync_TwoWaivers_ChainedReadBackPerProfileAndVerifiedThenTamperingIsFound()
    {
        var store = await OpenStoreAsync();
        var waivers = (IWaiverStore)store;
        Assert.Equal(new ChainVerification(true, 0, null, null), await waivers.VerifyWaiversAsync(None));

        var first = await waivers.AddWaiverAsync(new ReviewPanel.Waivers.Waiver { ProfileId = "p1", VersionHash = "v1", Dimensions = ["consistency"], By = "alice", Reason = "ok", ExpiresAt = ReportFactory.T0.AddDays(30) }, None);
        var second = await waivers.AddWaiverAsync(new ReviewPanel.Waivers.Waiver { ProfileId = "p2", VersionHash = "v9", By = "bob", Reason = "all" }, None);

        Assert.Equal((1L, 2L), (first.Sequence, second.Sequence));
        var read = Assert.Single(await waivers.GetWaiversAsync("p1", None).ToListAsync());
        Assert.Equal(first, read with { Dimensions = first.Dimensions });
        Assert.Equal(["consistency"], read.Dimensions);
        Assert.Equal(ReportFactory.T0.AddDays(30), read.ExpiresAt);
        Assert.Equal(new ChainVerification(true, 2, null, null), await waivers.VerifyWaiversAsync(None));

        await using var raw = await OpenRawConnectionAsync();
        await DropAppendOnlyGuardsAsync(raw);
        await using (var drop = raw.CreateCommand())
        {
            // The store's guards cover the waivers table too; drop them the same way for this table.
            drop.CommandText = raw.GetType().Name.Contains("Npgsql", StringComparison.Ordinal)
                ? "DROP TRIGGER IF EXISTS waivers_append_only ON waivers"
                : "DROP TRIGGER IF EXISTS waivers_no_update";
            await drop.ExecuteNonQueryAsync();
        }
        await using (var tamper = raw.CreateCommand())
        {
            tamper.CommandText = "UPDATE waivers SET waiver_json = REPLACE(waiver_json, 'alice', 'mallory') WHERE seq = 1";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }
        var broken = await waivers.VerifyWaiversAsync(None);
        Assert.False(broken.Intact);
        Assert.Equal(1, broken.FirstBrokenSequence);
    }

    [StoreFact]
    public async Task VerifyChainAsync_FreshHistory_IsIntactAndLinked()
    {
        var store = await OpenStoreAsync();
        var empty = await store.VerifyChainAsync(None);
        Assert.Equal(new ChainVerification(true, 0, null, null), empty);

        await SeedAsync(store);
        var verification = await store.VerifyChainAsync(None);

        Assert.Equal(new ChainVerification(true, 4, null, null), verification);
        var records = await store.GetRunVerdictsAsync("run-1", None).ToListAsync();
        records.AddRange(await store.GetRunVerdictsAsync("run-2", None).ToListAsync());
        Assert.Equal(new string('0', 64), records[0].PreviousSha256);
        for (var i = 1; i < records.Count; i++)
        {
            Assert.Equal(records[i - 1].RecordSha256, records[i].PreviousSha256);
        }
        Assert.Equal(4, records.Select(r => r.RecordSha256).Distinct().Count());
    }

    [StoreFact]
    public async Task RecordAsync_RecordHash_FollowsTheDocumentedFormat()
    {
        var store = await OpenStoreAsync(new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 11, 0, 0, 500, TimeSpan.FromHours(2))));
        await store.RecordAsync(ReportFactory.FailedImport("run-0", "drafts/x.json"), None);
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1", lowScore: 3), None);
        var stored = (await store.GetHistoryAsync("p1", None).ToListAsync()).Single();
        string reportJson;
        await using (var connection = await OpenRawConnectionAsync())
        {
            reportJson = (string)(await ScalarAsync(connection, "SELECT report_json FROM verdicts WHERE seq = 2"))!;
        }

        // Rebuilt by hand from docs/history-store.md, not through the store's own types.
        var scores = new JsonObject();
        foreach (var (dimension, aggregate) in stored.Scores.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            scores[dimension] = aggregate is { } a ? JsonValue.Create(a) : null;
        }
        var record = new JsonObject
        {
            ["seq"] = 2,
            ["runId"] = "run-1",
            ["profileId"] = "p1",
            ["versionHash"] = "v1",
            ["source"] = "drafts/p1.json",
            ["outcome"] = "fail",
            ["minimum"] = 3.0,
            ["scores"] = scores,
            ["failing"] = new JsonArray("accuracy"),
            ["recordedAt"] = "2025-03-01T09:00:00.500000Z",
            ["reportSha256"] = Hex(Encoding.UTF8.GetBytes(reportJson)),
            ["previousSha256"] = (await store.GetRunVerdictsAsync("run-0", None).SingleAsync()).RecordSha256,
        };

        Assert.Equal(Hex(Encoding.UTF8.GetBytes(record.ToJsonString())), stored.RecordSha256);
        Assert.Equal(record["previousSha256"]!.GetValue<string>(), stored.PreviousSha256);
    }

    [StoreFact]
    public async Task VerifyChainAsync_ScoreRowUpdated_ReportsThatRecord()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store);

        await TamperAsync("UPDATE scores SET score = 2 WHERE verdict_seq = 2 AND review_ordinal = 0 AND ordinal = 1");
        var verification = await store.VerifyChainAsync(None);

        Assert.False(verification.Intact);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Equal(1, verification.RecordsChecked);
        Assert.Contains("score row", verification.Problem, StringComparison.Ordinal);
        Assert.Contains(Dimensions.LevelCalibration, verification.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task VerifyChainAsync_VerdictOutcomeUpdated_ReportsThatRecord()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store);

        await TamperAsync("UPDATE verdicts SET outcome = 'pass' WHERE seq = 3");
        var verification = await store.VerifyChainAsync(None);

        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Contains("no longer matches its hash", verification.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task VerifyChainAsync_RecordDeleted_ReportsTheMissingSequence()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store);

        await TamperAsync("DELETE FROM scores WHERE verdict_seq = 2; DELETE FROM reviews WHERE verdict_seq = 2; DELETE FROM verdicts WHERE seq = 2");
        var verification = await store.VerifyChainAsync(None);

        Assert.False(verification.Intact);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Contains("missing", verification.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task VerifyChainAsync_ReportJsonOfTwoRecordsSwapped_ReportsTheFirst()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store);

        await using (var connection = await OpenRawConnectionAsync())
        {
            await DropAppendOnlyGuardsAsync(connection);
            var first = await ScalarAsync(connection, "SELECT report_json FROM verdicts WHERE seq = 1");
            var second = await ScalarAsync(connection, "SELECT report_json FROM verdicts WHERE seq = 2");
            await ExecuteAsync(connection, "UPDATE verdicts SET report_json = @json WHERE seq = 1", ("json", second));
            await ExecuteAsync(connection, "UPDATE verdicts SET report_json = @json WHERE seq = 2", ("json", first));
        }
        var verification = await store.VerifyChainAsync(None);

        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBrokenSequence);
        Assert.Equal(0, verification.RecordsChecked);
    }

    [StoreFact]
    public async Task RecordAsync_ReviewRows_CopyTheTextOfCachedReviewsOnly()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store); // record 2 failed: two cached reviews and an uncached adjudication

        await using var connection = await OpenRawConnectionAsync();
        var report = (string)(await ScalarAsync(connection, "SELECT report_json FROM verdicts WHERE seq = 2"))!;
        using var document = JsonDocument.Parse(report);
        var reviews = document.RootElement.GetProperty("reviews");
        Assert.Equal(reviews[0].GetRawText(), await ScalarAsync(connection, "SELECT review_json FROM reviews WHERE verdict_seq = 2 AND ordinal = 0"));
        Assert.Equal(reviews[1].GetRawText(), await ScalarAsync(connection, "SELECT review_json FROM reviews WHERE verdict_seq = 2 AND ordinal = 1"));
        Assert.Equal(DBNull.Value, await ScalarAsync(connection, "SELECT cache_key FROM reviews WHERE verdict_seq = 2 AND ordinal = 2"));
        Assert.Equal("", await ScalarAsync(connection, "SELECT review_json FROM reviews WHERE verdict_seq = 2 AND ordinal = 2"));
        Assert.NotNull(await store.FindCachedReviewAsync("cache-v2-h", None));
    }

    [StoreFact]
    public async Task VerifyChainAsync_UncachedReviewRowInTheOlderFullForm_IsIntact_ButAnyOtherTextIsFound()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store);
        await using var connection = await OpenRawConnectionAsync();
        await DropAppendOnlyGuardsAsync(connection);
        var report = (string)(await ScalarAsync(connection, "SELECT report_json FROM verdicts WHERE seq = 2"))!;
        using var document = JsonDocument.Parse(report);
        var adjudication = document.RootElement.GetProperty("adjudications")[0].GetRawText();

        // Rows written by earlier versions copied every review's text, cached or not.
        await ExecuteAsync(connection, "UPDATE reviews SET review_json = @json WHERE verdict_seq = 2 AND ordinal = 2", ("json", adjudication));
        Assert.True((await store.VerifyChainAsync(None)).Intact);

        await ExecuteAsync(connection, "UPDATE reviews SET review_json = @json WHERE verdict_seq = 2 AND ordinal = 2", ("json", adjudication.Replace("adjudicator", "someone else", StringComparison.Ordinal)));
        var verification = await store.VerifyChainAsync(None);
        Assert.False(verification.Intact);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Contains("review row of 'adjudicator'", verification.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task AppendOnlyGuards_UpdateOrDeleteOfHistory_IsRejectedByTheDatabase()
    {
        var store = await OpenStoreAsync();
        await SeedAsync(store);

        await using var connection = await OpenRawConnectionAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, "UPDATE scores SET score = 1 WHERE verdict_seq = 1"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, "UPDATE verdicts SET outcome = 'pass' WHERE seq = 1"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, "DELETE FROM reviews WHERE verdict_seq = 1"));
        Assert.True((await store.VerifyChainAsync(None)).Intact);
    }

    [StoreFact]
    public async Task InitializeAsync_Reopen_DoesNotReapplyMigrations()
    {
        var store = await OpenStoreAsync();
        await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1"), None);
        var before = await MigrationsAsync();

        var reopened = await OpenStoreAsync();
        await reopened.InitializeAsync(None);

        var after = await MigrationsAsync();
        Assert.NotEmpty(before);
        Assert.Equal(Enumerable.Range(1, before.Count), before.Select(m => m.Version));
        Assert.Equal(before, after);
        Assert.Single(await reopened.GetHistoryAsync("p1", None).ToListAsync());
    }

    [StoreFact]
    public async Task RecordAsync_EightConcurrentWriters_ProduceOneValidChainWithoutDuplicates()
    {
        await OpenStoreAsync();
        const int Writers = 8;
        const int PerWriter = 5;
        var shared = ReportFactory.Report("run-c", "shared", "shared-v1");

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            var recorded = new List<bool>();
            for (var i = 0; i < PerWriter; i++)
            {
                recorded.Add(await store.RecordAsync(ReportFactory.Report("run-c", $"w{w}-p{i}", $"w{w}-v{i}"), None));
                if (i == 2)
                {
                    recorded.Add(await store.RecordAsync(shared, None));
                }
            }
            return recorded;
        })));

        var store = await OpenStoreAsync();
        var verdicts = await store.GetRunVerdictsAsync("run-c", None).ToListAsync();
        Assert.Equal((Writers * PerWriter) + 1, results.SelectMany(r => r).Count(ok => ok));
        Assert.Equal(Enumerable.Range(1, (Writers * PerWriter) + 1).Select(i => (long)i), verdicts.Select(v => v.Sequence));
        Assert.Equal(verdicts.Count, verdicts.Select(v => v.VersionHash).Distinct().Count());
        Assert.Equal(new ChainVerification(true, verdicts.Count, null, null), await store.VerifyChainAsync(None));
    }

    private static async Task SeedAsync(IReviewStore store)
    {
        Assert.True(await store.RecordAsync(ReportFactory.Report("run-1", "p1", "v1", lowScore: 4), None));
        Assert.True(await store.RecordAsync(ReportFactory.Report("run-1", "p2", "v2", lowScore: 3), None));
        Assert.True(await store.RecordAsync(ReportFactory.Report("run-2", "p2", "v3", lowScore: 2), None));
        Assert.True(await store.RecordAsync(ReportFactory.FailedImport("run-2", "drafts/broken.json"), None));
    }

    private async Task TamperAsync(string sql)
    {
        await using var connection = await OpenRawConnectionAsync();
        await DropAppendOnlyGuardsAsync(connection);
        await ExecuteAsync(connection, sql);
    }

    private async Task<List<(int Version, string Name, string AppliedAt)>> MigrationsAsync()
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), Convert.ToString(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)!));
        }
        return rows;
    }

    private protected static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    private protected static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ReviewPanelJson.Canonical);
}
