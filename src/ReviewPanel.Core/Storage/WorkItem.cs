namespace ReviewPanel.Storage;

/// <summary>One job of the durable queue.</summary>
public sealed record WorkItem
{
    public required long Id { get; init; }
    /// <summary>The run its verdict is recorded under.</summary>
    public required string RunId { get; init; }
    public required string Source { get; init; }
    /// <summary>The draft's bytes as enqueued; empty in listings that do not load it.</summary>
    public required byte[] Content { get; init; }
    public required WorkState State { get; init; }
    /// <summary>How many times it has been claimed (the current attempt while leased).</summary>
    public required int Attempt { get; init; }
    /// <summary>The worker holding (or that last held or finished) it.</summary>
    public string? WorkerId { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    /// <summary>The last failure, kept on dead jobs.</summary>
    public string? LastError { get; init; }
    public required DateTimeOffset EnqueuedAt { get; init; }
}
