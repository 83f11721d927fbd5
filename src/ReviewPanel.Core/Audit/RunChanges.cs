using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Audit;

/// <summary>
/// What differs between two recorded reviews of the same profile — the inputs that can move a score: the text
/// (which layers), the rubric, the reviewers' prompts (versions) and their models. A score change with an empty
/// <see cref="RunChanges"/> means the reviewers themselves varied (e.g. model non-determinism).
/// </summary>
/// <param name="Layers">Layers whose text hash differs, was added or was removed, in the newer report's order.</param>
/// <param name="Rubric">The rubric's SHA-256 change, or null when it stayed the same (or either run is unknown).</param>
/// <param name="Prompts">Reviewers whose version (prompt SHA-256 for LLM reviewers, code version for heuristics) changed, joined or left.</param>
/// <param name="Models">Reviewers whose model changed.</param>
public sealed record RunChanges(
    IReadOnlyList<LayerChange> Layers,
    ValueChange? Rubric,
    IReadOnlyList<ReviewerChange> Prompts,
    IReadOnlyList<ReviewerChange> Models)
{
    /// <summary>True when nothing that can move a score changed.</summary>
    public bool None => Layers.Count == 0 && Rubric is null && Prompts.Count == 0 && Models.Count == 0;

    /// <summary>
    /// Compares a report with the one recorded before it. Runs are used for the rubric and reviewer descriptors;
    /// when a run is missing the reviewers are taken from the reports' reviews and the rubric is not compared.
    /// </summary>
    public static RunChanges Compare(ProfileReport previous, RunProvenance? previousRun, ProfileReport current, RunProvenance? currentRun)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);

        var before = previous.Layers.GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
        var after = current.Layers.GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);
        var layers = new List<LayerChange>();
        foreach (var layer in current.Layers.DistinctBy(l => l.Key))
        {
            if (!before.TryGetValue(layer.Key, out var old))
            {
                layers.Add(new LayerChange(layer.Key, null, layer.Sha256));
            }
            else if (!string.Equals(old, layer.Sha256, StringComparison.Ordinal))
            {
                layers.Add(new LayerChange(layer.Key, old, layer.Sha256));
            }
        }
        layers.AddRange(previous.Layers.DistinctBy(l => l.Key).Where(l => !after.ContainsKey(l.Key)).Select(l => new LayerChange(l.Key, l.Sha256, null)));

        ValueChange? rubric = previousRun is not null && currentRun is not null
            && !string.Equals(previousRun.RubricSha256, currentRun.RubricSha256, StringComparison.Ordinal)
            ? new ValueChange(previousRun.RubricSha256, currentRun.RubricSha256)
            : null;

        var oldReviewers = Describe(previous, previousRun);
        var newReviewers = Describe(current, currentRun);
        var prompts = new List<ReviewerChange>();
        var models = new List<ReviewerChange>();
        foreach (var id in newReviewers.Keys.Union(oldReviewers.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var o = oldReviewers.GetValueOrDefault(id);
            var n = newReviewers.GetValueOrDefault(id);
            if (!string.Equals(o.Version, n.Version, StringComparison.Ordinal))
            {
                prompts.Add(new ReviewerChange(id, o.Version, n.Version));
            }
            // A reviewer that joined or left is reported once, under prompts; models compare reviewers present in both.
            if (o.Version is not null && n.Version is not null && !string.Equals(o.Model, n.Model, StringComparison.Ordinal))
            {
                models.Add(new ReviewerChange(id, o.Model, n.Model));
            }
        }
        return new RunChanges(layers, rubric, prompts, models);
    }

    private static Dictionary<string, (string? Version, string? Model)> Describe(ProfileReport report, RunProvenance? run)
    {
        if (run is not null && run.Reviewers.Count > 0)
        {
            return run.Reviewers.Where(r => r.Kind != ReviewPanel.Reviewing.ReviewerKinds.Adjudicator).GroupBy(r => r.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ((string?)g.First().Version, g.First().Model), StringComparer.Ordinal);
        }
        return report.Reviews.GroupBy(r => r.ReviewerId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => ((string?)g.First().ReviewerVersion, g.First().Calls.Select(c => c.Model ?? c.Deployment).FirstOrDefault(m => m is not null)),
            StringComparer.Ordinal);
    }
}
