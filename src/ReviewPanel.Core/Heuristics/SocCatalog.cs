using System.Text.RegularExpressions;

namespace ReviewPanel.Heuristics;

/// <summary>
/// The O*NET-SOC occupation list (O*NET database by USDOL/ETA, CC BY 4.0; embedded as
/// <c>ReviewPanel.Data.onet-occupation-data.tsv</c>). Looks codes up by 6-digit SOC or 8-digit O*NET-SOC code and
/// ranks occupations against free text by TF-IDF cosine similarity over their titles and descriptions.
/// </summary>
public sealed partial class SocCatalog
{
    private const string ResourceName = "ReviewPanel.Data.onet-occupation-data.tsv";

    private static readonly Lazy<SocCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private readonly ILookup<string, SocOccupation> _bySoc;
    private readonly Dictionary<string, SocOccupation> _byOnet;
    private readonly Lazy<TfIdfIndex> _index;

    public SocCatalog(IEnumerable<SocOccupation> occupations)
    {
        ArgumentNullException.ThrowIfNull(occupations);
        Occupations = occupations.ToList();
        _bySoc = Occupations.ToLookup(o => o.Soc, StringComparer.Ordinal);
        _byOnet = Occupations.GroupBy(o => o.OnetCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _index = new(() => new TfIdfIndex(Occupations.Select(o => $"{o.Title} {o.Title} {o.Description}")));
    }

    /// <summary>The embedded catalog, loaded once on first use.</summary>
    public static SocCatalog Default => EmbeddedCatalog.Value;

    public IReadOnlyList<SocOccupation> Occupations { get; }

    /// <summary>True for a well-formed SOC (<c>NN-NNNN</c>) or O*NET-SOC (<c>NN-NNNN.NN</c>) code.</summary>
    public static bool IsWellFormed(string code) => CodePattern().IsMatch(code);

    /// <summary>
    /// Occupations for a code: the exact occupation for an O*NET-SOC code, every O*NET occupation under a SOC code;
    /// empty when the code is unknown or malformed.
    /// </summary>
    public IReadOnlyList<SocOccupation> Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        code = code.Trim();
        if (!IsWellFormed(code)) return [];
        if (code.Length == 7) return _bySoc[code].ToList();
        return _byOnet.TryGetValue(code, out var occupation) ? [occupation] : [];
    }

    /// <summary>The <paramref name="top"/> occupations most similar to <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<SocMatch> Rank(string text, int top)
    {
        ArgumentNullException.ThrowIfNull(text);
        var similarities = _index.Value.Similarities(text);
        // Only the occupations that share a term are ranked (a few dozen of about a thousand).
        var matched = new List<int>();
        for (var i = 0; i < similarities.Count; i++)
        {
            if (similarities[i] > 0) matched.Add(i);
        }
        int Compare(int a, int b) => similarities[b].CompareTo(similarities[a]) is var bySimilarity and not 0
            ? bySimilarity
            : string.CompareOrdinal(Occupations[a].OnetCode, Occupations[b].OnetCode);
        // The best few kept in order as they come, instead of sorting all that matched: the order is total (codes are
        // unique), so the first <paramref name="top"/> are the same.
        var best = new List<int>(Math.Max(0, top) + 1);
        foreach (var i in matched)
        {
            var at = best.Count;
            while (at > 0 && Compare(i, best[at - 1]) < 0) at--;
            if (at >= top) continue;
            best.Insert(at, i);
            if (best.Count > top) best.RemoveAt(top);
        }
        return best.Select(i => new SocMatch(Occupations[i], similarities[i])).ToList();
    }

    /// <summary>Reads the tab-separated O*NET occupation file (header: code, title, description).</summary>
    public static SocCatalog Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var occupations = new List<SocOccupation>();
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            if (first)
            {
                first = false;
                if (!CodePattern().IsMatch(line.Split('\t')[0])) continue; // header
            }
            var parts = line.Split('\t');
            if (parts.Length >= 3 && CodePattern().IsMatch(parts[0].Trim()))
            {
                occupations.Add(new SocOccupation(parts[0].Trim(), parts[1].Trim(), parts[2].Trim()));
            }
        }
        return new SocCatalog(occupations);
    }

    private static SocCatalog LoadEmbedded()
    {
        using var stream = typeof(SocCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    [GeneratedRegex(@"^\d{2}-\d{4}(?:\.\d{2})?$")]
    private static partial Regex CodePattern();
}
