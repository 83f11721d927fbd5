using Microsoft.Extensions.Logging;
using ReviewPanel.Scoring;

namespace ReviewPanel.Cli.Worker;

/// <summary>What one worker process did, for its summary line on exit; updated from the parallel job tasks.</summary>
internal sealed class WorkerTally
{
    private int _passed, _failed, _errored, _jobErrors;

    public void Done(VerdictOutcome outcome)
    {
        _ = outcome switch
        {
            VerdictOutcome.Pass => Interlocked.Increment(ref _passed),
            VerdictOutcome.Fail => Interlocked.Increment(ref _failed),
            _ => Interlocked.Increment(ref _errored),
        };
    }

    public void JobError() => Interlocked.Increment(ref _jobErrors);

    /// <summary>Jobs reviewed to a verdict so far.</summary>
    public int Reviewed => Volatile.Read(ref _passed) + Volatile.Read(ref _failed) + Volatile.Read(ref _errored);

    public void Log(ILogger logger, string workerId, TimeSpan elapsed) =>
        WorkerLog.Summary(logger, workerId, elapsed, _passed + _failed + _errored, _passed, _failed, _errored, _jobErrors);
}
