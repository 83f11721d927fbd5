namespace ReviewPanel.Heuristics;

/// <summary>
/// A small TF-IDF index over a fixed set of documents (content words, see <see cref="HeuristicText.ContentWords"/>);
/// answers the cosine similarity of a query text to every document.
/// </summary>
internal sealed class TfIdfIndex
{
    private readonly Dictionary<string, double> _idf;
    private readonly List<Dictionary<string, double>> _documents;

    public TfIdfIndex(IEnumerable<string> documents)
    {
        var termCounts = documents.Select(Count).ToList();
        var n = termCounts.Count;
        _idf = termCounts.SelectMany(d => d.Keys).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log((1.0 + n) / (1.0 + g.Count())) + 1.0, StringComparer.Ordinal);
        _documents = termCounts.Select(Weigh).ToList();
    }

    public IReadOnlyList<double> Similarities(string query)
    {
        // Terms no document has cannot change the ranking, only the query's norm; leave them out.
        var q = Weigh(Count(query).Where(kv => _idf.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        return _documents.Select(d => Dot(q, d)).ToList();
    }

    private static Dictionary<string, int> Count(string text) =>
        HeuristicText.ContentWords(text).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Sublinear tf × idf, L2-normalized, so the dot product is the cosine.</summary>
    private Dictionary<string, double> Weigh(Dictionary<string, int> counts)
    {
        var weights = counts.ToDictionary(kv => kv.Key, kv => (1.0 + Math.Log(kv.Value)) * _idf[kv.Key], StringComparer.Ordinal);
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var key in weights.Keys.ToList()) weights[key] /= norm;
        }
        return weights;
    }

    private static double Dot(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other)) sum += weight * other;
        }
        return sum;
    }
}
