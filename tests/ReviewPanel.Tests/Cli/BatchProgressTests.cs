using Microsoft.Extensions.Time.Testing;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;

namespace ReviewPanel.Tests.Cli;

public sealed class BatchProgressTests
{
    private static ProfileSummary Summary(VerdictOutcome verdict) => new()
    {
        Source = "x.txt",
        Verdict = verdict,
        Scores = new Dictionary<string, double?>(),
        Failing = [],
        JudgedBy = new Dictionary<string, IReadOnlyList<string>>(),
        FailingEvidence = [],
        Unstable = [],
    };

    [Fact]
    public async Task RunAsync_Piped_WritesAPlainTallyLineOncePerIntervalNotPerProfile()
    {
        var time = new FakeTimeProvider();
        using var stderr = new StringWriter();

        await BatchProgress.RunAsync(false, 4, onDone =>
        {
            onDone!(Summary(VerdictOutcome.Pass));          // before the interval: nothing
            time.Advance(BatchProgress.PipedInterval);
            onDone(Summary(VerdictOutcome.Fail));           // interval passed: a line
            onDone(Summary(VerdictOutcome.Error));          // right after: nothing
            time.Advance(BatchProgress.PipedInterval);
            onDone(Summary(VerdictOutcome.Pass));
            return Task.FromResult(new BatchResult("run-1", [], time.GetUtcNow(), time.GetUtcNow()));
        }, stderr, time);

        Assert.Equal(["reviewed 2/4: 1 passed, 1 failed, 0 errored", "reviewed 4/4: 2 passed, 1 failed, 1 errored"],
            stderr.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task RunAsync_NotPipedAndNoTerminal_ReportsNothing()
    {
        Action<ProfileSummary>? seen = null;

        await BatchProgress.RunAsync(false, 4, onDone =>
        {
            seen = onDone;
            return Task.FromResult(new BatchResult("run-1", [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        });

        Assert.Null(seen);
    }

    [Fact]
    public async Task RunAsync_PipedWhileARateLimitHoldsCalls_SaysSoEvenWhenNoProfileFinishes()
    {
        var time = new FakeTimeProvider();
        var limits = new EndpointStatus();
        using var stderr = new StringWriter();

        await BatchProgress.RunAsync(false, 3, onDone =>
        {
            onDone!(Summary(VerdictOutcome.Pass));
            time.Advance(BatchProgress.PipedInterval);       // nothing held, no profile finished: no line
            limits.Hold("TPM");
            time.Advance(BatchProgress.PipedInterval);       // held: a line without a completion
            limits.Release("TPM");
            time.Advance(BatchProgress.PipedInterval);
            onDone(Summary(VerdictOutcome.Fail));
            return Task.FromResult(new BatchResult("run-1", [], time.GetUtcNow(), time.GetUtcNow()));
        }, stderr, time, limits);

        Assert.Equal(["reviewed 1/3: 1 passed, 0 failed, 0 errored; waiting for rate limit (TPM)", "reviewed 2/3: 1 passed, 1 failed, 0 errored"],
            stderr.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
