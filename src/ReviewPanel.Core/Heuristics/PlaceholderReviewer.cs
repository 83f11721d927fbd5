using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Consistency: placeholder or filler text, text cut off mid-sentence, and tables with short rows or empty cells.
/// Headings, skill names and table cells carry no final period by design, so a missing period alone is never a
/// defect: a cut is a sentence of several words that stops on a connective word, a comma or a hyphen.
/// </summary>
public sealed partial class PlaceholderReviewer : IReviewer
{
    private const int MinWordsForCut = 6;

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "nor", "the", "a", "an", "of", "to", "with", "for", "in", "on", "at", "by", "from", "into",
        "as", "that", "which", "including", "such", "than", "its", "their", "our", "your", "between", "across", "via",
        "per", "while", "is", "are", "will", "can", "like", "using", "through", "about", "toward", "towards", "over",
        "under", "within", "without", "against", "both", "either", "whether", "if", "when", "so", "because", "whose",
    };

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.placeholder", "1", HeuristicText.Kind, [Dimensions.Consistency]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Layers.Any(l => HeuristicText.HasWords(l.Text)))
        {
            const string Why = "The profile has no text: nothing to check for placeholders or cut-off text.";
            return Task.FromResult(HeuristicText.Review(Descriptor, Why, DimensionScore.Abstain(Dimensions.Consistency, Why)));
        }
        var findings = new List<Finding>();
        foreach (var layer in profile.Layers)
        {
            foreach (var (match, quote) in HeuristicText.FindAll(layer, PlaceholderPattern()))
            {
                findings.Add(new Finding(2, new Evidence(layer.Key, quote, $"Placeholder text \"{match}\".")));
            }
            // Both checks read the same pieces: each table cell, and each other line without its bullet marker.
            var pieces = Pieces(layer);
            findings.AddRange(NotApplicableValues(layer, pieces));
            findings.AddRange(CutOffText(layer, pieces));
            findings.AddRange(TableDefects(layer));
        }

        var score = HeuristicText.ScoreFrom(findings);
        const string Checked = "Looked for placeholder text (TBD, TODO, lorem ipsum, [insert …], xxx, <placeholder>, N/A values), "
            + "sentences cut off on a connective word, comma or hyphen, and tables with short rows or empty cells";
        var rationale = findings.Count == 0
            ? Checked + "; found none."
            : $"{Checked}; found {HeuristicText.Plural(findings.Count, "defect")}.";
        var result = new DimensionScore(Dimensions.Consistency, score, rationale, findings.SelectMany(f => f.Evidence).ToList());
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, result));
    }

    private static List<string> Pieces(ProfileLayer layer) =>
        [.. HeuristicText.Lines(layer).SelectMany(l => HeuristicText.IsTableLine(l) ? HeuristicText.Cells(l) : [HeuristicText.StripBullet(l)])];

    /// <summary>"N/A" (or "n.a.", "none", "-") standing alone as a line, field value or table cell.</summary>
    private static IEnumerable<Finding> NotApplicableValues(ProfileLayer layer, IReadOnlyList<string> pieces)
    {
        var values = pieces.Concat(layer.Fields.Select(f => f.Value.Trim()));
        foreach (var value in values.Where(v => NotApplicable().IsMatch(v)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return new Finding(2, new Evidence(layer.Key, value, "A value left as N/A."));
        }
    }

    private static IEnumerable<Finding> CutOffText(ProfileLayer layer, IReadOnlyList<string> pieces)
    {
        foreach (var text in pieces.Where(IsCutOff))
        {
            yield return new Finding(3, new Evidence(layer.Key, HeuristicText.Tail(text, 80), "Text stops mid-sentence."));
        }
    }

    internal static bool IsCutOff(string text)
    {
        text = text.Trim();
        if (HeuristicText.WordCount(text) < MinWordsForCut) return false;
        var last = text[^1];
        if (last is ',' or '-' or '–' or '—' or '/' or '(' or '&') return true;
        if (!char.IsLetter(last)) return false;
        var lastWord = HeuristicText.LastWord(text);
        return DanglingWords.Contains(lastWord);
    }

    /// <summary>Rows with fewer cells than the header, and empty cells ("", "-", "—").</summary>
    private static IEnumerable<Finding> TableDefects(ProfileLayer layer)
    {
        var tableLines = HeuristicText.Lines(layer)
            .Where(l => HeuristicText.IsTableLine(l) && !HeuristicText.IsTableSeparator(l)).ToList();
        if (tableLines.Count == 0) return [];
        var width = layer.Columns.Count > 0 ? layer.Columns.Count : HeuristicText.Cells(tableLines[0]).Count;
        var findings = new List<Finding>();
        foreach (var line in tableLines.Skip(1))
        {
            var cells = HeuristicText.Cells(line);
            var quote = HeuristicText.Clip(line.Trim(), 120);
            if (cells.Count < width)
            {
                findings.Add(new Finding(3, new Evidence(layer.Key, quote, $"Row has {cells.Count} of {width} cells.")));
            }
            else if (cells.Any(c => EmptyCell().IsMatch(c)))
            {
                findings.Add(new Finding(3, new Evidence(layer.Key, quote, "Row has an empty cell.")));
            }
        }
        return findings;
    }

    // Matched on normalized (lower-cased) text.
    [GeneratedRegex(@"\b(?:tbd|tbc|todo|fixme|lorem ipsum|dolor sit amet)\b|\[\s*(?:insert|add|placeholder|your|todo|tbd)[^\]]*\]|<\s*(?:placeholder|insert|your|tbd)[^>]*>|\{\{[^}]*\}\}|\bx{3,}\b|\?{3,}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^(?:n/?a|n\.a\.?|not applicable)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotApplicable();

    [GeneratedRegex(@"^(?:|-|–|—|\.{1,3}|…)$")]
    private static partial Regex EmptyCell();
}
