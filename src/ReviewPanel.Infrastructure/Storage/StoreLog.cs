using Microsoft.Extensions.Logging;

namespace ReviewPanel.Storage;

internal static partial class StoreLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "History schema migration {Version} ({Name}) applied")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Verdict {Sequence} recorded for {DedupeKey} in run {RunId}")]
    public static partial void VerdictRecorded(ILogger logger, long sequence, string dedupeKey, string runId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Verdict for {DedupeKey} in run {RunId} was already recorded; nothing written")]
    public static partial void DuplicateSkipped(ILogger logger, string dedupeKey, string runId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "History chain broken at record {Sequence}: {Problem}")]
    public static partial void ChainBroken(ILogger logger, long? sequence, string? problem);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Checkpoint {Path} not written: {Reason}")]
    public static partial void CheckpointNotWritten(ILogger logger, string path, string reason);
}
