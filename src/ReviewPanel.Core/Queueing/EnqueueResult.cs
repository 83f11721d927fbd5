namespace ReviewPanel.Queueing;

/// <summary>What an enqueue did: the run the drafts belong to, how many were queued, and the sources that could not be read.</summary>
public sealed record EnqueueResult(string? RunId, int Queued, IReadOnlyList<string> Unreadable);
