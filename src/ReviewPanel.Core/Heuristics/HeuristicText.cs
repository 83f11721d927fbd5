using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Text helpers shared by the heuristic reviewers: lines, bullets, table cells, sentences, words, and quotes that
/// are always verbatim substrings of a layer's text (so the grounding check finds them).
/// </summary>
internal static partial class HeuristicText
{
    public const string Kind = ReviewerKinds.Heuristic;

    /// <summary>A small English stopword list; content-word checks and TF-IDF ignore these.</summary>
    public static readonly FrozenSet<string> Stopwords = (
        "a an and are as at be been being but by can could did do does doing for from had has have having he her " +
        "his how i if in into is it its itself may might more most must no nor not of off on once only or other " +
        "our out over own per same she should so some such than that the their them then there these they this " +
        "those through to too under until up upon very via was we were what when where which while who whom why " +
        "will with within without would you your etc also across each any all both between during before after " +
        "above below again further here including like using use used based well").Split(' ').ToFrozenSet();

    // Every reviewer splits the same layers into lines: split each layer once while its profile is being reviewed.
    // The heuristics of a profile run one after another on one thread, so the layers of one profile per core are
    // what is reused. Holding more (256 before) kept the layers of a dozen finished profiles alive across
    // collections, which promoted them and made most collections gen1: 10,000 profiles spent 1.05 s paused in the
    // GC at 256 and 0.51 s at 32 (with the batch's hand-off queue at 32 as well). A larger profile only re-splits.
    private static readonly int RecentLayers = Math.Max(32, Environment.ProcessorCount * 16);
    private static readonly RecentCache<ProfileLayer, string[]> LinesOf = new(RecentLayers);
    private static readonly RecentCache<ProfileLayer, string[]> BodyLinesOf = new(RecentLayers);

    public static IReadOnlyList<string> Lines(ProfileLayer layer) =>
        LinesOf.GetValue(layer, l => [.. l.Text.Split('\n').Select(line => line.TrimEnd('\r'))]);

    /// <summary>
    /// The layer's lines without its heading: the first line is dropped when it starts with the layer's title
    /// (the importer keeps the heading in <see cref="ProfileLayer.Text"/>).
    /// </summary>
    public static IReadOnlyList<string> BodyLines(ProfileLayer layer) => BodyLinesOf.GetValue(layer, l =>
    {
        var lines = Lines(l).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        var title = Norm(l.Title);
        if (lines.Count > 0 && title.Length > 0 && Norm(lines[0]).StartsWith(title, StringComparison.Ordinal))
        {
            lines.RemoveAt(0);
        }
        return [.. lines];
    });

    public static string Norm(string text) => Hashing.TextNormalizer.Normalize(text);

    /// <summary>The line without a leading bullet marker (<c>-</c>, <c>*</c>, <c>•</c>), trimmed.</summary>
    public static string StripBullet(string line)
    {
        // The marker is anchored at the start, so it is one match at most: cut it and trim, in one string.
        var marker = 0;
        if (MayBeBullet(line) && BulletMarker().EnumerateMatches(line) is var matches && matches.MoveNext())
        {
            marker = matches.Current.Length;
        }
        var rest = line.AsSpan(marker).Trim();
        return rest.Length == line.Length ? line : rest.ToString();
    }

    public static bool IsBullet(string line) => MayBeBullet(line) && BulletMarker().IsMatch(line);

    /// <summary>The first visible character could open a bullet marker (the pattern runs only then).</summary>
    private static bool MayBeBullet(string line)
    {
        var first = line.AsSpan().TrimStart();
        return first.Length > 0 && (first[0] is '-' or '*' or '•' or '▪' or '◦' || char.IsAsciiDigit(first[0]));
    }

    public static bool IsTableLine(string line) => line.TrimStart().StartsWith('|');

    /// <summary>The trimmed cells between the '|'s of the line, without an empty first and an empty last one.</summary>
    public static IReadOnlyList<string> Cells(string tableLine)
    {
        var rest = tableLine.AsSpan().Trim();
        var cells = new List<string>(rest.Count('|') + 1);
        while (true)
        {
            var bar = rest.IndexOf('|');
            cells.Add((bar < 0 ? rest : rest[..bar]).Trim().ToString());
            if (bar < 0) break;
            rest = rest[(bar + 1)..];
        }
        if (cells.Count > 0 && cells[0].Length == 0) cells.RemoveAt(0);
        if (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        return cells;
    }

    /// <summary>
    /// Whether every cell of the table line is a separator (<c>---</c>, <c>:--:</c>): <see cref="Cells"/> checked as spans,
    /// without its strings. The part before the first '|' is always empty, and an empty last part is no cell either.
    /// </summary>
    public static bool IsTableSeparator(string line)
    {
        if (!IsTableLine(line)) return false;
        var rest = line.AsSpan().Trim()[1..];
        while (true)
        {
            var bar = rest.IndexOf('|');
            var cell = (bar < 0 ? rest : rest[..bar]).Trim();
            if (bar < 0) return cell.IsEmpty || SeparatorCell().IsMatch(cell);
            if (!SeparatorCell().IsMatch(cell)) return false;
            rest = rest[(bar + 1)..];
        }
    }

    /// <summary>Whether the text has a letter or digit (Unicode L and N): <c>WordCount(text) &gt; 0</c>, stopping at the first.</summary>
    public static bool HasWords(string text)
    {
        foreach (var c in text)
        {
            if (IsWordChar(c)) return true;
        }
        return false;
    }

    /// <summary>How many runs of letters and digits (Unicode L and N) the text has.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = IsWordChar(c);
            if (isWordChar && !inWord) count++;
            inWord = isWordChar;
        }
        return count;
    }

    /// <summary>Lower-cased runs of letters and digits (Unicode L and N).</summary>
    public static IEnumerable<string> Words(string text)
    {
        for (var i = 0; NextWord(text, ref i, out var start);)
        {
            yield return LowerInvariant(text, start, i - start);
        }
    }

    // ASCII first: char.IsNumber has no ASCII shortcut, and this is asked of every character of every bullet.
    private static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetter(c) || char.IsNumber(c);

    /// <summary>The next run of letters and digits at or after <paramref name="at"/>: its start, with <paramref name="at"/> moved past its end; false when none is left.</summary>
    private static bool NextWord(string text, ref int at, out int start)
    {
        while (at < text.Length && !IsWordChar(text[at])) at++;
        start = at;
        while (at < text.Length && IsWordChar(text[at])) at++;
        return at > start;
    }

    /// <summary><c>text.Substring(start, length).ToLowerInvariant()</c> in one string.</summary>
    private static string LowerInvariant(string text, int start, int length) =>
        string.Create(length, (text, start), static (word, at) => at.text.AsSpan(at.start, word.Length).ToLowerInvariant(word));

    /// <summary><c>Words(text).Last()</c> without the words before it: the last run of letters and digits, lower-cased.</summary>
    public static string LastWord(string text)
    {
        var end = text.Length;
        while (end > 0 && !IsWordChar(text[end - 1])) end--;
        if (end == 0) throw new InvalidOperationException("The text has no word.");
        var start = end;
        while (start > 0 && IsWordChar(text[start - 1])) start--;
        return LowerInvariant(text, start, end - start);
    }

    /// <summary>Content words: lower-cased, stopwords and words under 3 letters dropped, plural 's' trimmed.</summary>
    public static IEnumerable<string> ContentWords(string text) =>
        Words(text).Where(w => w.Length >= 3 && !Stopwords.Contains(w) && !w.All(char.IsDigit)).Select(Stem);

    public delegate void WordVisitor(ReadOnlySpan<char> word);

    /// <summary>
    /// Each of <see cref="ContentWords"/>, in order, as a span that lives only during the call: no string per word
    /// (for lookups in dictionaries that already hold the word).
    /// </summary>
    public static void VisitContentWords(string text, WordVisitor visit)
    {
        var stopwords = Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; NextWord(text, ref i, out var start);)
        {
            var length = i - start;
            if (length < 3) continue;
            var word = length <= buffer.Length ? buffer[..length] : new char[length];
            text.AsSpan(start, length).ToLowerInvariant(word);
            if (stopwords.Contains(word) || IsAllDigits(word)) continue;
            visit(Stem(word));
        }
    }

    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c)) return false;
        }
        return true;
    }

    /// <summary><see cref="Stem(string)"/> of a span.</summary>
    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)
            ? word[..^1]
            : word;

    /// <summary>Deliberately simple stemming: trims a plural 's' (not 'ss', 'us', 'is').</summary>
    public static string Stem(string word) => Stem(word.AsSpan()).Length == word.Length ? word : word[..^1];

    /// <summary>
    /// A verbatim prefix of <paramref name="text"/> long enough to identify it: its first sentence (or more
    /// sentences until <paramref name="min"/> characters), cut at a word boundary at <paramref name="max"/>.
    /// </summary>
    public static string Lead(string text, int min = 40, int max = 200)
    {
        text = text.Trim();
        var end = 0;
        foreach (Match m in SentenceEnd().Matches(text))
        {
            end = m.Index + 1;
            if (end >= min) break;
        }
        if (end < min) end = text.Length;
        return Clip(text[..end], max);
    }

    /// <summary>A verbatim suffix of <paramref name="text"/> of about <paramref name="max"/> characters, starting at a word.</summary>
    public static string Tail(string text, int max = 100)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var start = text.Length - max;
        var space = text.IndexOf(' ', start);
        return (space >= 0 && space < text.Length - 1 ? text[(space + 1)..] : text[start..]).Trim();
    }

    /// <summary>Cuts at the last word boundary before <paramref name="max"/>.</summary>
    public static string Clip(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var space = text.LastIndexOf(' ', max);
        return (space > max / 2 ? text[..space] : text[..max]).Trim();
    }

    /// <summary>
    /// Runs <paramref name="pattern"/> over the layer's normalized text (see <see cref="Hashing.TextNormalizer"/>) and
    /// returns, for each match, the matched text and a verbatim quote: the enclosing line, or a window of it around
    /// the match when the line is long. Matching on normalized text catches case, width and spacing variants.
    /// </summary>
    private static readonly RecentCache<string, MappedText> NormalizedLayers = new(RecentLayers);

    public static IReadOnlyList<(string Match, string Quote)> FindAll(ProfileLayer layer, Regex pattern, int maxQuote = 220) =>
        FindAll(layer, pattern, null, maxQuote);

    /// <summary>
    /// <see cref="FindAll(ProfileLayer, Regex, int)"/>, run only when the normalized text holds one of
    /// <paramref name="anchors"/> (substrings every match of the pattern contains; null: always run).
    /// </summary>
    public static IReadOnlyList<(string Match, string Quote)> FindAll(ProfileLayer layer, Regex pattern, SearchValues<string>? anchors, int maxQuote = 220)
    {
        // Each reviewer runs many patterns over the same layer: normalize its text once, not once per pattern.
        var mapped = NormalizedLayers.GetValue(layer.Text, MappedText.Of);
        if (anchors is not null && mapped.Normalized.AsSpan().IndexOfAny(anchors) < 0) return [];
        List<(string Match, string Quote)>? found = null;
        // EnumerateMatches: nothing allocated for the many pattern and layer pairs that match nothing.
        foreach (var m in pattern.EnumerateMatches(mapped.Normalized))
        {
            if (m.Length == 0) continue;
            var (start, end) = mapped.ToOriginal(m.Index, m.Index + m.Length);
            (found ??= []).Add((mapped.Normalized.Substring(m.Index, m.Length), QuoteAround(layer.Text, start, end, maxQuote)));
        }
        return found ?? [];
    }

    /// <summary>The line holding [start, end), bullet marker stripped; a window of it around the span when long.</summary>
    public static string QuoteAround(string text, int start, int end, int max = 220)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0) lineStart = 0;
        var lineEnd = text.IndexOf('\n', end);
        if (lineEnd < 0) lineEnd = text.Length;
        var line = text[lineStart..lineEnd];
        var stripped = StripBullet(line);
        if (stripped.Length <= max && stripped.Length > 0) return stripped;

        // Long line (or the span crosses lines): a window from a little before the match, starting at a word.
        var from = Math.Max(lineStart, start - 60);
        if (from > lineStart)
        {
            var space = text.IndexOf(' ', from);
            if (space >= 0 && space < start) from = space + 1;
        }
        var to = Math.Min(text.Length, Math.Max(end, from + max));
        var window = text[from..to];
        if (to < text.Length)
        {
            var space = window.LastIndexOf(' ');
            if (space > end - from) window = window[..space];
        }
        return window.Trim();
    }

    /// <summary>The first line of the layer containing <paramref name="token"/> (case-insensitive), bullet stripped.</summary>
    public static string? LineContaining(ProfileLayer layer, string token) =>
        Lines(layer).Where(l => l.Contains(token, StringComparison.OrdinalIgnoreCase))
            .Select(StripBullet).FirstOrDefault(l => l.Length > 0);

    /// <summary>The first non-blank line of the layer (usually its heading), for evidence about the layer as a whole.</summary>
    public static string? FirstLine(ProfileLayer layer) =>
        Lines(layer).Select(StripBullet).FirstOrDefault(l => l.Length > 0);

    public static Review Review(ReviewerDescriptor descriptor, string rationale, params DimensionScore[] scores) => new()
    {
        ReviewerId = descriptor.Id,
        ReviewerVersion = descriptor.Version,
        Kind = descriptor.Kind,
        Scores = scores,
        Rationale = rationale,
    };

    /// <summary>
    /// The score of one dimension from findings: the lowest cap among them, one lower again when there are
    /// <paramref name="pileUp"/> or more (many defects are worse than one), 5 when there are none.
    /// </summary>
    public static int ScoreFrom(IReadOnlyCollection<Finding> findings, int pileUp = 3)
    {
        if (findings.Count == 0) return 5;
        var score = findings.Min(f => f.Cap);
        if (findings.Count >= pileUp) score--;
        return Math.Clamp(score, 1, 5);
    }

    public static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    [GeneratedRegex(@"^\s*(?:[-*•▪◦]|\d{1,2}[.)])\s+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex SeparatorCell();


    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEnd();

    /// <summary>
    /// Text normalized like <see cref="Hashing.TextNormalizer"/>, with a map back to original offsets. The map is built
    /// on the first <see cref="ToOriginal"/> (by the same walk again): most layers match no pattern and never need it.
    /// </summary>
    private sealed class MappedText(string original, string normalized)
    {
        // One object, so a reader on another thread sees both arrays or neither.
        private OffsetMap? _map;

        private sealed record OffsetMap(int[] Starts, int[] Ends);

        public string Normalized { get; } = normalized;

        public static MappedText Of(string original)
        {
            // When NFKC leaves every character alone, normalizing rune by rune is TextNormalizer's collapse and lower case.
            if (Hashing.TextNormalizer.IsNfkcInert(original)) return new MappedText(original, Hashing.TextNormalizer.Normalize(original));
            var buffer = ArrayPool<char>.Shared.Rent(original.Length + 16);
            int[]? noMap = null;
            var length = Walk(original, ref buffer, ref noMap, ref noMap);
            var normalized = new string(buffer, 0, length);
            ArrayPool<char>.Shared.Return(buffer);
            return new MappedText(original, normalized);
        }

        /// <summary>Original [start, end) of the normalized span [start, end).</summary>
        public (int Start, int End) ToOriginal(int start, int end)
        {
            if (_map is null)
            {
                var text = new char[original.Length + 16];
                int[]? starts = new int[text.Length];
                int[]? ends = new int[text.Length];
                Walk(original, ref text, ref starts, ref ends);
                _map = new OffsetMap(starts!, ends!);
            }
            return (_map.Starts[start], _map.Ends[end - 1]);
        }

        /// <summary>
        /// Writes the normalized text into <paramref name="text"/> (grown when NFKC expands), and when there are map
        /// arrays, the original span of each character into <paramref name="starts"/> and <paramref name="ends"/> (grown
        /// alike); returns its length. Without a map, <paramref name="text"/> is a pooled array.
        /// </summary>
        private static int Walk(string original, ref char[] text, ref int[]? starts, ref int[]? ends)
        {
            var mapped = starts is not null;
            var length = 0;
            var pendingSpace = false;
            var index = 0;
            foreach (var rune in original.EnumerateRunes())
            {
                var start = index;
                index += rune.Utf16SequenceLength;
                // A character NFKC leaves alone (ASCII, most punctuation) is its own NFKC: no string per character.
                var normalized = rune.IsAscii || (rune.IsBmp && Hashing.TextNormalizer.IsNfkcInert((char)rune.Value))
                    ? null
                    : rune.ToString().Normalize(NormalizationForm.FormKC);
                var count = normalized?.Length ?? 1;
                for (var k = 0; k < count; k++)
                {
                    var c = normalized is null ? (char)rune.Value : normalized[k];
                    if (char.IsWhiteSpace(c))
                    {
                        pendingSpace = length > 0;
                        continue;
                    }
                    if (length + 2 > text.Length)
                    {
                        if (mapped)
                        {
                            Array.Resize(ref text, text.Length * 2);
                            Array.Resize(ref starts, text.Length);
                            Array.Resize(ref ends, text.Length);
                        }
                        else
                        {
                            var larger = ArrayPool<char>.Shared.Rent(text.Length * 2);
                            text.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<char>.Shared.Return(text);
                            text = larger;
                        }
                    }
                    if (pendingSpace)
                    {
                        text[length] = ' ';
                        if (mapped) (starts![length], ends![length]) = (start, start);
                        length++;
                        pendingSpace = false;
                    }
                    text[length] = Hashing.TextNormalizer.ToLowerInvariant(c);
                    if (mapped) (starts![length], ends![length]) = (start, index);
                    length++;
                }
            }
            return length;
        }
    }
}
