namespace ReviewPanel.Storage;

/// <summary>The queue at a glance: jobs per state, the oldest waiting one, and who did the finished work.</summary>
public sealed record QueueStatus
{
    /// <summary>Every state with its count (zero included).</summary>
    public required IReadOnlyDictionary<WorkState, long> Counts { get; init; }
    /// <summary>The oldest queued or errored job, or null when nothing waits.</summary>
    public WorkItem? OldestWaiting { get; init; }
    /// <summary>Worker id → jobs it finished.</summary>
    public required IReadOnlyDictionary<string, long> DoneByWorker { get; init; }
}
