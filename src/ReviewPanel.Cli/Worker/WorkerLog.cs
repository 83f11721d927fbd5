using Microsoft.Extensions.Logging;

namespace ReviewPanel.Cli.Worker;

internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Worker {WorkerId} started: up to {MaxInFlight} in flight, lease {LeaseSeconds}s, inbox {Inbox}")]
    public static partial void Started(ILogger logger, string workerId, int maxInFlight, int leaseSeconds, string inbox);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Job {JobId} ({Source}) done by {WorkerId}: {Verdict}")]
    public static partial void JobDone(ILogger logger, long jobId, string source, string workerId, string verdict);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Job {JobId} ({Source}) failed on attempt {Attempt}, now {State}")]
    public static partial void JobFailed(ILogger logger, Exception exception, long jobId, string source, int attempt, string state);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "Job {JobId} ({Source}) not recorded: the store failed ({Error}); it goes back to the queue")]
    public static partial void JobNotRecorded(ILogger logger, long jobId, string source, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Job {JobId} ({Source}) released back to the queue")]
    public static partial void JobReleased(ILogger logger, long jobId, string source);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Lease of job {JobId} was lost; its result will not be committed twice")]
    public static partial void LeaseLost(ILogger logger, long jobId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Inbox: {Count} draft(s) queued in run {RunId}")]
    public static partial void InboxQueued(ILogger logger, int count, string runId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Queue unavailable ({Error}); retrying for up to {Seconds}s")]
    public static partial void QueueUnavailable(ILogger logger, string error, int seconds);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Worker serving on {Url}/: the viewer, /healthz, /readyz, /metrics")]
    public static partial void Serving(ILogger logger, string url);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug, Message = "Queue still unavailable ({Error})")]
    public static partial void QueueStillUnavailable(ILogger logger, string error);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Worker {WorkerId} stopping: {InFlight} in flight, draining up to {DrainSeconds}s")]
    public static partial void Stopping(ILogger logger, string workerId, int inFlight, int drainSeconds);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Worker {WorkerId} idle: queue empty, exiting")]
    public static partial void Idle(ILogger logger, string workerId);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Inbox file {Path} could not be accepted")]
    public static partial void InboxFileSkipped(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Inbox file {Path} rejected: {Reason}")]
    public static partial void InboxFileRejected(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Worker {WorkerId} stopped after {Elapsed}: {Done} job(s) done ({Passed} passed, {Failed} failed, {Errored} errored), {JobErrors} job error(s)")]
    public static partial void Summary(ILogger logger, string workerId, TimeSpan elapsed, int done, int passed, int failed, int errored, int jobErrors);
}
