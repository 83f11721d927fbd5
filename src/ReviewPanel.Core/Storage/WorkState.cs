namespace ReviewPanel.Storage;

/// <summary>Where a queued draft is: waiting, held by a worker, finished, failed (will be retried) or moved aside.</summary>
public enum WorkState
{
    /// <summary>Waiting to be claimed.</summary>
    Queued,

    /// <summary>Held by one worker until its lease expires; an expired lease is claimable again.</summary>
    Leased,

    /// <summary>Its verdict is recorded.</summary>
    Done,

    /// <summary>The last attempt failed; claimable again until the attempts run out.</summary>
    Errored,

    /// <summary>Failed (or crashed its worker) on every allowed attempt: set aside with its error until requeued.</summary>
    Dead,
}
