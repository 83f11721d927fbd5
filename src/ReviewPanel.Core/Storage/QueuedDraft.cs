namespace ReviewPanel.Storage;

/// <summary>One draft to enqueue: its bytes as read (kept, so a file deleted later loses nothing) and where it came from.</summary>
/// <param name="Source">The path it was read from; the verdict's source.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="DedupeKey">
/// When set, a second enqueue with the same key is ignored (the inbox uses path, size and time so a crash between
/// "enqueued" and "moved aside" never queues a file twice). Null: always queued.
/// </param>
public sealed record QueuedDraft(string Source, byte[] Content, string? DedupeKey = null);
