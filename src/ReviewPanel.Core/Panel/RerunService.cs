using ReviewPanel.Profiles;
using ReviewPanel.Storage;

namespace ReviewPanel.Panel;

/// <summary>
/// Reviews the latest version of each selected profile again: from its file when it still exists (a changed file is
/// a new version), else from the content stored when it was queued. Model reviewers are cached, so only missing or
/// errored reviews cost a call.
/// </summary>
public sealed class RerunService(ReviewRunService runs, IHistoryReader store, IWorkQueue queue, ProfileImporter importer)
{
    /// <summary>Token prices per deployment, for the cost in the summary and JSON.</summary>
    public PricingOptions Pricing => runs.Pricing;

    /// <summary>Recorded waivers, for the effective verdict and the exit code.</summary>
    public Waivers.WaiverService Waivers => runs.Waivers;

    /// <returns>The batch, or null when no latest verdict matches the selection.</returns>
    public async Task<BatchResult?> RerunAsync(RerunSelection selection, PanelKind panel, bool fresh, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var selected = await store.GetLatestVerdictsAsync(cancellationToken).Where(selection.Matches).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (selection.Failed)
        {
            // A failing version a person waived has passed, effectively: --failed leaves it (naming it with --profile still takes it).
            var kept = new List<StoredVerdict>(selected.Count);
            foreach (var verdict in selected)
            {
                if (selection.ProfileIds.Contains(verdict.ProfileId, StringComparer.Ordinal) || !await Waivers.IsWaivedAsync(verdict, cancellationToken).ConfigureAwait(false))
                {
                    kept.Add(verdict);
                }
            }
            selected = kept;
        }
        if (selected.Count == 0)
        {
            return null;
        }
        return await runs.RunAsync(new RunRequest
        {
            Sources = selected.Select(v => v.Source).ToList(),
            Panel = panel,
            Fresh = fresh,
            Command = command,
            Load = LoadAsync,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ImportResult> LoadAsync(string source, CancellationToken cancellationToken)
    {
        var content = importer.TryReadBytes(source) ?? await queue.FindLatestContentAsync(source, cancellationToken).ConfigureAwait(false);
        return content is null
            ? ImportResult.Failure(source, ImportErrorKind.Unreadable, "the file is gone and no copy was stored (only queued drafts keep their content)")
            : importer.Import(source, content);
    }
}
