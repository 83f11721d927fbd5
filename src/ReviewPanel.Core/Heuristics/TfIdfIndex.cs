namespace ReviewPanel.Heuristics;

/// <summary>
/// A small TF-IDF index over a fixed set of documents (content words, see <see cref="HeuristicText.ContentWords"/>);
/// answers the cosine similarity of a query text to every document.
/// </summary>
internal sealed class TfIdfIndex
{
    private readonly Dictionary<string, double> _idf;
    private readonly int _documentCount;

    // Inverted index: term → (document, weight). A query touches only the documents sharing a term with it,
    // instead of a dot product with all of them (this runs once per reviewed profile).
    private readonly Dictionary<string, List<(int Document, double Weight)>> _postings = new(StringComparer.Ordinal);

    public TfIdfIndex(IEnumerable<string> documents)
    {
        var termCounts = documents.Select(Count).ToList();
        var n = termCounts.Count;
        _idf = termCounts.SelectMany(d => d.Keys).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log((1.0 + n) / (1.0 + g.Count())) + 1.0, StringComparer.Ordinal);
        _documentCount = n;
        for (var i = 0; i < n; i++)
        {
            foreach (var (term, weight) in Weigh(termCounts[i]))
            {
                if (!_postings.TryGetValue(term, out var list))
                {
                    _postings[term] = list = [];
                }
                list.Add((i, weight));
            }
        }
    }

    public IReadOnlyList<double> Similarities(string query)
    {
        // Terms no document has cannot change the ranking, only the query's norm; leave them out. The same arithmetic
        // as Weigh (sublinear tf × idf, divided by the L2 norm, in first-occurrence order), without its dictionaries.
        // The words are looked up as spans and counted under the index's own key: no string per word of the query.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = _idf.GetAlternateLookup<ReadOnlySpan<char>>();
        HeuristicText.VisitContentWords(query, word =>
        {
            if (idf.TryGetValue(word, out var term, out _)) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _)++;
        });
        var weights = new List<(string Term, double Weight)>(counts.Count);
        var squares = 0.0;
        foreach (var (term, count) in counts)
        {
            var weight = (1.0 + Math.Log(count)) * _idf[term];
            weights.Add((term, weight));
            squares += weight * weight;
        }
        var norm = Math.Sqrt(squares);
        var scores = new double[_documentCount];
        foreach (var (term, raw) in weights)
        {
            var weight = norm > 0 ? raw / norm : raw;
            foreach (var (document, documentWeight) in _postings[term])
            {
                scores[document] += weight * documentWeight;
            }
        }
        return scores;
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
}
