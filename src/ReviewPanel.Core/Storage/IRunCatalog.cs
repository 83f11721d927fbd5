namespace ReviewPanel.Storage;

/// <summary>The runs in the history with their verdict counts, newest first: what the viewer's runs page lists.</summary>
public interface IRunCatalog
{
    /// <summary>At most <paramref name="limit"/> runs, newest first, each with its pass/fail/error counts, from one query.</summary>
    IAsyncEnumerable<RunListing> ListRunsAsync(int limit, CancellationToken cancellationToken);
}
