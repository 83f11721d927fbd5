namespace ReviewPanel.Queueing;

/// <summary>
/// What an enqueue did: the run the drafts belong to (null when none was found), how many were queued, how many were
/// skipped because the same content was already waiting, and the sources that could not be read, with why.
/// </summary>
public sealed record EnqueueResult(string? RunId, int Queued, int Skipped, IReadOnlyList<(string Source, string Reason)> Unreadable);
