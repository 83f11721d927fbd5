using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Storage;

namespace ReviewPanel.Queueing;

/// <summary>The queue's use cases for people: enqueue drafts (their content stored now), see the queue, requeue dead jobs.</summary>
public sealed class DraftQueue(IWorkQueue queue, ProfileImporter importer, PanelBuilder builder, TimeProvider time)
{
    /// <summary>Reads every profile file under the paths and queues them under one new run; nothing is queued when none is found.</summary>
    public async Task<EnqueueResult> EnqueueAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var drafts = new List<QueuedDraft>();
        var unreadable = new List<(string, string)>();
        foreach (var source in importer.ExpandSources(paths))
        {
            if (importer.TryReadBytes(source, out var reason) is { } content)
            {
                drafts.Add(new QueuedDraft(Path.GetFullPath(source), content));
            }
            else
            {
                unreadable.Add((source, reason ?? "unreadable"));
            }
        }
        if (drafts.Count == 0)
        {
            return new EnqueueResult(null, 0, 0, unreadable);
        }
        var runId = builder.NewRunId();
        // A draft already waiting with the same content is not queued twice.
        var queued = await queue.EnqueueAsync(runId, drafts, cancellationToken).ConfigureAwait(false);
        return new EnqueueResult(runId, queued, drafts.Count - queued, unreadable);
    }

    /// <summary>The queue's counts, its dead jobs, and the time they were read at.</summary>
    public async Task<(QueueStatus Status, IReadOnlyList<WorkItem> Dead, DateTimeOffset Now)> StatusAsync(CancellationToken cancellationToken)
    {
        var status = await queue.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var dead = await queue.ListAsync(WorkState.Dead, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (status, dead, time.GetUtcNow());
    }

    public Task<bool> RequeueAsync(long id, CancellationToken cancellationToken) => queue.RequeueAsync(id, cancellationToken);

    public Task<int> RequeueDeadAsync(CancellationToken cancellationToken) => queue.RequeueDeadAsync(cancellationToken);
}
