using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Provenance;

/// <summary>Builds each layer's provenance: hash, sources, and every score and finding that cites it.</summary>
public static class ProvenanceBuilder
{
    public static IReadOnlyList<LayerProvenance> ForLayers(RoleProfile profile, IEnumerable<Review> reviews)
    {
        var citations = new Dictionary<string, List<LayerCitation>>(StringComparer.Ordinal);
        foreach (var review in reviews)
        {
            foreach (var score in review.Scores)
            {
                foreach (var e in score.Evidence)
                {
                    Add(citations, e.LayerKey, new LayerCitation(review.ReviewerId, score.Dimension, score.Score, e.Quote, e.Grounded == true, e.Note));
                }
            }
            foreach (var e in review.Injections)
            {
                Add(citations, e.LayerKey, new LayerCitation(review.ReviewerId, null, null, e.Quote, e.Grounded == true, e.Note ?? "instruction aimed at reviewers"));
            }
        }

        var layers = profile.Layers
            .Select(l => new LayerProvenance(l.Key, l.Title, l.Sha256, l.Sources, citations.GetValueOrDefault(l.Key) ?? []))
            .ToList();
        // A quote that names a layer the profile does not have is still recorded, under that name, so nothing is lost.
        var known = profile.Layers.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        layers.AddRange(citations.Where(c => !known.Contains(c.Key))
            .Select(c => new LayerProvenance(c.Key, "(no such layer)", "", [], c.Value)));
        return layers;
    }

    private static void Add(Dictionary<string, List<LayerCitation>> citations, string key, LayerCitation citation)
    {
        if (!citations.TryGetValue(key, out var list))
        {
            citations[key] = list = [];
        }
        list.Add(citation);
    }
}
