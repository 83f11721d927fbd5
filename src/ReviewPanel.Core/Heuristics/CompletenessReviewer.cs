using System.Globalization;
using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Completeness. Consistency: every section the generator's page has (the seed's: title, code, focus,
/// responsibilities, level guidelines, skills, level block, adjacent roles, title aliases; provenance and
/// classification are judged by <see cref="EvidenceReviewer"/>; the summary is optional, the de-duplicated seed has
/// none) is present and not empty; no item has a name without a
/// description; no line, item, cell or paragraph ends mid-sentence or mid-word. A text is cut when it is the only one of
/// three or more siblings (the other bullets of the layer, the other cells of its column) that does not end like a
/// sentence, or when most siblings end like sentences and it stops on a lower-case word that is no word (not in
/// O*NET's occupation texts nor elsewhere in the profile); a list written without full stops is a style, not a cut. Level calibration: the level table exists, has rows, and reaches the profile's own level and the
/// top of its ladder (P6 on the professional ladder, whose level block calls P6 the top individual contributor).
/// Absence is never perfection: a missing part is a finding, never a 5.
/// </summary>
/// <param name="catalog">Its occupation texts are the vocabulary of real words; the embedded O*NET-SOC catalog when null.</param>
public sealed partial class CompletenessReviewer(SocCatalog? catalog = null) : IReviewer
{
    /// <summary>The sections of the generator's page whose absence this reviewer judges, with their display names.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> RequiredSections =
    [
        (LayerKeys.Title, "title"),
        (LayerKeys.Code, "code"),
        (LayerKeys.Focus, "Focus"),
        (LayerKeys.Responsibilities, "Responsibilities by level"),
        (LayerKeys.LevelGuidelines, "Level guidelines"),
        (LayerKeys.Skills, "Skills"),
        (LayerKeys.Level, "Level block"),
        (LayerKeys.AdjacentRoles, "Adjacent roles"),
        (LayerKeys.TitleAliases, "Title aliases"),
    ];

    /// <summary>The highest level a table must reach, per ladder (the seed's level block: "P6 — Top individual contributor").</summary>
    private static readonly Dictionary<string, int> LadderTop = new(StringComparer.Ordinal) { ["P"] = 6 };

    private const int MinWords = 6;

    private static readonly Lazy<HashSet<string>> DefaultVocabulary = new(() => Vocabulary(SocCatalog.Default));

    private readonly Lazy<HashSet<string>> _vocabulary = catalog is null ? DefaultVocabulary : new(() => Vocabulary(catalog));

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.completeness", "1", HeuristicText.Kind, [Dimensions.Consistency, Dimensions.LevelCalibration]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var anchor = Anchor(profile);
        if (anchor is null)
        {
            const string Why = "The profile has no text: nothing to quote a finding against.";
            return Task.FromResult(HeuristicText.Review(Descriptor, Why,
                DimensionScore.Abstain(Dimensions.Consistency, Why), DimensionScore.Abstain(Dimensions.LevelCalibration, Why)));
        }

        var consistency = new List<Finding>();
        consistency.AddRange(MissingOrEmpty(profile, anchor.Value));
        consistency.AddRange(NamesWithoutDescription(profile));
        consistency.AddRange(CutOff(profile));
        var ladder = LadderDefects(profile, anchor.Value).ToList();

        const string CheckedConsistency = "Checked that every section of the generator's page is present and not empty, "
            + "that every named item has a description, and that no line, item, cell or paragraph stops mid-sentence or mid-word";
        const string CheckedLadder = "Checked that the level table exists and reaches the profile's own level and the top of its ladder";
        var c = new DimensionScore(Dimensions.Consistency, HeuristicText.ScoreFrom(consistency),
            consistency.Count == 0 ? CheckedConsistency + "; all complete." : $"{CheckedConsistency}; found {HeuristicText.Plural(consistency.Count, "gap")}.",
            consistency.SelectMany(f => f.Evidence).ToList());
        var l = new DimensionScore(Dimensions.LevelCalibration, HeuristicText.ScoreFrom(ladder),
            ladder.Count == 0 ? CheckedLadder + "; it does." : $"{CheckedLadder}; found {HeuristicText.Plural(ladder.Count, "gap")}.",
            ladder.SelectMany(f => f.Evidence).ToList());
        return Task.FromResult(HeuristicText.Review(Descriptor, $"{c.Rationale} {l.Rationale}", c, l));
    }

    private static IEnumerable<Finding> MissingOrEmpty(RoleProfile profile, (string Key, string Quote) anchor)
    {
        foreach (var (key, name) in RequiredSections)
        {
            var layer = profile.Layer(key);
            if (layer is null)
            {
                yield return new Finding(2, new Evidence(anchor.Key, anchor.Quote, $"The \"{name}\" section ({key}) is missing; the generator's page always has it."));
            }
            else if (key is not (LayerKeys.Title or LayerKeys.Code or LayerKeys.Summary) && HeuristicText.BodyLines(layer).Count == 0
                && layer.Items.Count == 0 && layer.Fields.Count == 0 && layer.Rows.Count == 0)
            {
                var quote = HeuristicText.FirstLine(layer) ?? anchor.Quote;
                yield return new Finding(2, new Evidence(HeuristicText.FirstLine(layer) is null ? anchor.Key : layer.Key, quote, $"The \"{name}\" section ({key}) is empty."));
            }
        }
    }

    /// <summary>Skills and level-block pairs: a name with no description.</summary>
    private static IEnumerable<Finding> NamesWithoutDescription(RoleProfile profile)
    {
        foreach (var layer in new[] { LayerKeys.Skills, LayerKeys.Level }.Select(profile.Layer).OfType<ProfileLayer>())
        {
            foreach (var field in layer.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Key) && string.IsNullOrWhiteSpace(f.Value)))
            {
                yield return new Finding(2, new Evidence(layer.Key, field.Key.Trim(), $"\"{field.Key.Trim()}\" has a name but no description."));
            }
        }
    }

    private IEnumerable<Finding> CutOff(RoleProfile profile)
    {
        // Counted only when a candidate cut needs it (most profiles have none).
        var words = new Lazy<Dictionary<string, int>>(() => profile.Layers.SelectMany(l => HeuristicText.Words(l.Text))
            .CountBy(w => w, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal), LazyThreadSafetyMode.None);
        foreach (var layer in profile.Layers.Where(l => l.Key is not (LayerKeys.Title or LayerKeys.Code)))
        {
            var body = HeuristicText.BodyLines(layer);
            var bullets = body.Where(HeuristicText.IsBullet).Select(HeuristicText.StripBullet).ToList();
            var prose = body.Where(l => !HeuristicText.IsBullet(l) && !HeuristicText.IsTableLine(l)).Select(l => l.Trim()).ToList();
            var columns = body.Where(l => HeuristicText.IsTableLine(l) && !HeuristicText.IsTableSeparator(l)).Skip(1)
                .SelectMany(l => HeuristicText.Cells(l).Select((cell, i) => (i, cell)))
                .GroupBy(x => x.i, x => x.cell);
            var groups = new List<List<string>> { bullets, prose };
            groups.AddRange(columns.Select(g => g.ToList()));
            foreach (var group in groups)
            {
                var sentences = group.Where(t => HeuristicText.WordCount(t) >= MinWords).ToList();
                var punctuated = sentences.Count(EndsLikeSentence);
                // Siblings that end like sentences make a missing end a defect; a list without full stops is a style.
                var listOfSentences = sentences.Count >= 3 && punctuated >= 0.75 * sentences.Count;
                // The one item of a list whose every other item ends like a sentence, stopping on a word no sentence ends
                // on ("with", "the", "and"), is cut however short the cut left it; one that stops on a content word may
                // simply lack its full stop.
                var items = group.Where(t => HeuristicText.WordCount(t) >= 3).ToList();
                var unfinished = items.Where(t => !EndsLikeSentence(t)).ToList();
                if (items.Count >= 3 && unfinished.Count == 1 && EndsOnFunctionWord(unfinished[0]))
                {
                    yield return new Finding(3, new Evidence(layer.Key, HeuristicText.Tail(unfinished[0], 80),
                        $"Stops mid-sentence: every sibling ends like a sentence, this one stops on \"{HeuristicText.Words(unfinished[0]).Last()}\"."));
                    continue;
                }
                foreach (var text in sentences.Where(t => !EndsLikeSentence(t)))
                {
                    var multiSentence = HeuristicText.WordCount(text) >= 15 && SentenceInside().IsMatch(text);
                    if ((listOfSentences || multiSentence) && EndsMidWord(text, words.Value))
                    {
                        yield return new Finding(3, new Evidence(layer.Key, HeuristicText.Tail(text, 80),
                            $"Stops mid-sentence or mid-word: its siblings end like sentences, and it ends on \"{HeuristicText.Words(text).Last()}\", a word neither this profile nor O*NET uses elsewhere."));
                    }
                }
            }
        }
    }

    private static readonly char[] ClosingMarks = ['"', '\'', '”', '’', '»', ')', ']'];

    private static bool EndsLikeSentence(string text)
    {
        // On spans: LastOrDefault on a string walked all of it through a boxed enumerator.
        var trimmed = text.AsSpan().TrimEnd();
        var unquoted = trimmed.TrimEnd(ClosingMarks);
        return (unquoted.IsEmpty ? '\0' : unquoted[^1]) is '.' or '!' or '?' or '…' or ':' or ';' or '。' or '！' or '？'
            || trimmed.EndsWith(')');
    }

    /// <summary>The text ends on a lower-case function word (an article, preposition, conjunction or pronoun): English sentences do not.</summary>
    private static bool EndsOnFunctionWord(string text)
    {
        var trimmed = text.TrimEnd();
        var last = LastWord().Match(trimmed);
        return trimmed.Length > 0 && char.IsLetter(trimmed[^1]) && last.Success && last.Value.All(char.IsLower)
            && HeuristicText.Stopwords.Contains(last.Value) && !SentenceEnders.Contains(last.Value);
    }

    /// <summary>Stopwords a sentence can end on ("... it is done so", "... what it is for" aside, these close clauses).</summary>
    private static readonly HashSet<string> SentenceEnders = new(StringComparer.Ordinal) { "it", "them", "him", "her", "us", "you", "me", "up", "out", "off", "over", "here", "there", "too", "well", "again", "once", "more", "most", "other", "own", "same", "further", "below", "above", "before", "after", "below" };

    /// <summary>The text ends on a letter, and its last word is lower case and not a word this profile or O*NET uses elsewhere.</summary>
    private bool EndsMidWord(string text, Dictionary<string, int> profileWords)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0 || !char.IsLetter(trimmed[^1])) return false;
        var last = LastWord().Match(trimmed);
        if (!last.Success || last.Value.Length < 3 || !last.Value.All(char.IsLower)) return false;
        var word = last.Value.ToLowerInvariant();
        if (HeuristicText.Stopwords.Contains(word) || _vocabulary.Value.Contains(word) || _vocabulary.Value.Contains(HeuristicText.Stem(word))) return false;
        return profileWords.GetValueOrDefault(word) <= 1;
    }

    private static IEnumerable<Finding> LadderDefects(RoleProfile profile, (string Key, string Quote) anchor)
    {
        var table = profile.Layer(LayerKeys.LevelGuidelines);
        if (table is null)
        {
            yield return new Finding(2, new Evidence(anchor.Key, anchor.Quote, "No level table: nothing shows how the role escalates level by level."));
            yield break;
        }
        var rows = HeuristicText.Lines(table).Where(l => HeuristicText.IsTableLine(l) && !HeuristicText.IsTableSeparator(l)).Skip(1).ToList();
        var levels = rows.Select(r => (Line: r, Code: LevelCode().Match(HeuristicText.Cells(r).FirstOrDefault() ?? ""))).Where(r => r.Code.Success).ToList();
        if (levels.Count == 0)
        {
            var quote = HeuristicText.FirstLine(table) ?? anchor.Quote;
            yield return new Finding(2, new Evidence(HeuristicText.FirstLine(table) is null ? anchor.Key : table.Key, quote, "The level table has no level rows."));
            yield break;
        }
        var last = levels[^1];
        var prefix = last.Code.Groups[1].Value.ToUpperInvariant();
        var highest = levels.Where(l => l.Code.Groups[1].Value.Equals(prefix, StringComparison.OrdinalIgnoreCase))
            .Max(l => int.Parse(l.Code.Groups[2].Value, CultureInfo.InvariantCulture));
        var lastQuote = HeuristicText.Clip(last.Line.Trim(), 120);
        if (profile.Level is { } own && LevelCode().Match(own) is { Success: true } o
            && o.Groups[1].Value.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            && int.Parse(o.Groups[2].Value, CultureInfo.InvariantCulture) > highest)
        {
            yield return new Finding(2, new Evidence(table.Key, lastQuote, $"The level table stops at {prefix}{highest}, before the profile's own level {own}."));
        }
        else if (LadderTop.TryGetValue(prefix, out var top) && highest < top)
        {
            yield return new Finding(3, new Evidence(table.Key, lastQuote, $"The level table stops at {prefix}{highest}, before the top of the {prefix} ladder ({prefix}{top})."));
        }
    }

    /// <summary>What a finding about a missing part quotes: the title line, which identifies the profile.</summary>
    private static (string Key, string Quote)? Anchor(RoleProfile profile)
    {
        if (profile.Layer(LayerKeys.Title) is { } title && HeuristicText.FirstLine(title) is { } line) return (title.Key, line);
        if (!string.IsNullOrWhiteSpace(profile.Title)) return (ProfileStrings.ProfileKey, profile.Title.Trim());
        var any = profile.Layers.FirstOrDefault(l => !l.IsEmpty);
        return any is null ? null : (any.Key, HeuristicText.FirstLine(any)!);
    }

    private static HashSet<string> Vocabulary(SocCatalog catalog) =>
        catalog.Occupations.SelectMany(o => HeuristicText.Words(o.Title + " " + o.Description)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^([A-Za-z]{1,3})\s*-?\s*(\d{1,2})$")]
    private static partial Regex LevelCode();

    [GeneratedRegex(@"[.!?;]\s+\S")]
    private static partial Regex SentenceInside();

    [GeneratedRegex(@"\p{L}+$")]
    private static partial Regex LastWord();
}
