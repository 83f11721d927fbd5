using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Text;

namespace ReviewPanel.Heuristics;

/// <summary>
/// A matching form of raw profile text that undoes the usual ways of hiding an instruction from a pattern, with a map
/// from every character back to the raw segment and offsets it came from (so a quote is always verbatim raw text):
/// hidden characters removed (see <see cref="VisibleText"/>), NFKC, Latin diacritics dropped, confusable letters folded
/// to a Latin skeleton, lower-cased, bullet markers dropped, letter-spacing undone ("i g n o r e" → "ignore") and
/// whitespace collapsed. <see cref="Variants"/> adds a digit-for-letter (leetspeak) reading, the display order of
/// text inside a right-to-left override, and the ASCII that Unicode tag characters spell.
/// </summary>
internal sealed partial class Skeleton
{
    /// <summary>One piece of raw text: <c>Raw[From..To)</c> (a line of a layer's text, an item, a field value, ...).</summary>
    public readonly record struct Segment(string Raw, int From, int To);

    /// <summary>Where each character came from: its raw segment (-1 for an inserted space) and [start, end) in it.</summary>
    private sealed record Map(int[] Segment, int[] Start, int[] End);

    // Null until asked for when the reading was built without it; then _mapSource builds it (see Build).
    private Map? _map;
    private Func<Map>? _mapSource;

    private Skeleton(string text, Map? map, string reading, IReadOnlyList<SpacedRun> spacedRuns)
    {
        Text = text;
        _map = map;
        Reading = reading;
        SpacedRuns = spacedRuns;
    }

    private Map Offsets => _map ??= _mapSource!();

    public string Text { get; }

    /// <summary>How the raw text was read: <c>plain</c>, <c>leetspeak</c>, <c>bidi-reversed</c>, <c>tag characters</c>.</summary>
    public string Reading { get; }

    /// <summary>A letter-spaced run with every gap removed ("ignorepreviousinstructions") and the raw spans it came from.</summary>
    public sealed record SpacedRun(string Compact, IReadOnlyList<(int Segment, int Start, int End)> Spans);

    /// <summary>The letter-spaced runs, for the compact patterns.</summary>
    public IReadOnlyList<SpacedRun> SpacedRuns { get; }

    /// <summary>The raw spans behind skeleton characters [start, end): per segment, its lowest start and highest end.</summary>
    public IReadOnlyList<(int Segment, int Start, int End)> ToRaw(int start, int end)
    {
        var map = Offsets;
        var spans = new SortedDictionary<int, (int Start, int End)>();
        for (var i = start; i < end && i < Text.Length; i++)
        {
            var s = map.Segment[i];
            if (s < 0) continue;
            spans[s] = spans.TryGetValue(s, out var span) ? (Math.Min(span.Start, map.Start[i]), Math.Max(span.End, map.End[i])) : (map.Start[i], map.End[i]);
        }
        return spans.Select(kv => (kv.Key, kv.Value.Start, kv.Value.End)).ToList();
    }

    /// <summary>Every reading of the segments worth matching: plain, and the others only when the text has their signs.</summary>
    public static IEnumerable<Skeleton> Variants(IReadOnlyList<Segment> segments)
    {
        var plain = Build(segments, Options.None);
        yield return plain;
        // The other readings cost a pass each, so they read only the segments that show their sign.
        // The vectorized check for a digit-for-letter character first: most lines have none, and the token pattern
        // (three lookaheads per position) was a fifth of this reviewer's time.
        var leet = Where(segments, s => MayHaveLeetToken(s.Raw.AsSpan(s.From, s.To - s.From))
            && LeetToken().IsMatch(s.Raw.AsSpan(s.From, s.To - s.From)));
        if (leet.Length > 0)
        {
            yield return Build(segments, Options.LeetI, leet);
            yield return Build(segments, Options.LeetL, leet);
        }
        var reversed = Where(segments, s => s.Raw.AsSpan(s.From, s.To - s.From).Contains('\u202E'));
        if (reversed.Length > 0) yield return Build(segments, Options.Reverse, reversed);
        var tagged = Where(segments, s => HasTagCharacters(s.Raw, s.From, s.To));
        if (tagged.Length > 0) yield return Build(segments, Options.DecodeTags, tagged);
    }

    private static readonly SearchValues<char> LeetCharacters = SearchValues.Create("013457@$");

    /// <summary>
    /// A cheap superset of <see cref="LeetToken"/>: a run of word characters (letters, digits, @, $) of three or more
    /// with two letters and a digit-for-letter in it, which every token lies in. Codes and versions ("P4", "15-1244",
    /// "S3") have none, and the pattern's lookaheads cost more than this pass.
    /// </summary>
    private static bool MayHaveLeetToken(ReadOnlySpan<char> line)
    {
        if (line.IndexOfAny(LeetCharacters) < 0) return false;
        var (length, letters, leet) = (0, 0, false);
        foreach (var c in line)
        {
            if (char.IsLetter(c) || char.IsDigit(c) || c is '@' or '$')
            {
                length++;
                if (char.IsLetter(c)) letters++;
                else if (LeetCharacters.Contains(c)) leet = true;
                if (length >= 3 && letters >= 2 && leet) return true;
                continue;
            }
            (length, letters, leet) = (0, 0, false);
        }
        return false;
    }

    private static int[] Where(IReadOnlyList<Segment> segments, Func<Segment, bool> sign)
    {
        List<int>? found = null;
        for (var i = 0; i < segments.Count; i++)
        {
            if (sign(segments[i])) (found ??= []).Add(i);
        }
        return found is null ? [] : [.. found];
    }

    [Flags]
    private enum Options
    {
        None = 0,
        LeetI = 1,
        LeetL = 2,
        Reverse = 4,
        DecodeTags = 8,
    }

    /// <summary>
    /// One reading. Most readings match no pattern, so the text is read alone first and mapped back to raw offsets only
    /// when a match asks (the three offset arrays were most of what a reading allocated); the second walk gives the
    /// same text. A letter-spaced run needs its offsets at once, so a reading that has one is walked with them.
    /// </summary>
    private static Skeleton Build(IReadOnlyList<Segment> segments, Options options, int[]? only = null)
    {
        if (Read(segments, options, only, mapped: false) is not { } unmapped) return Read(segments, options, only, mapped: true)!;
        unmapped._mapSource = () => Read(segments, options, only, mapped: true)!.Offsets;
        return unmapped;
    }

    /// <summary>The reading, with its map when <paramref name="mapped"/>; null when unmapped and it has a letter-spaced run.</summary>
    private static Skeleton? Read(IReadOnlyList<Segment> segments, Options options, int[]? only, bool mapped)
    {
        var capacity = segments.Count;
        for (var k = 0; k < segments.Count; k++) capacity += segments[k].To - segments[k].From;
        var b = new Builder(capacity, mapped);
        var count = only?.Length ?? segments.Count;
        for (var k = 0; k < count; k++)
        {
            var s = only?[k] ?? k;
            if (k > 0) b.Add(' ', -1, 0, 0);
            var (raw, from, to) = segments[s];
            // Anchored at the start: one match at most, without allocating a Match.
            var bullet = BulletMarker().EnumerateMatches(raw.AsSpan(from, to - from));
            if (bullet.MoveNext()) from += bullet.Current.Length;
            if (options.HasFlag(Options.Reverse))
            {
                foreach (var (index, length) in Order(raw, from, to, reverse: true))
                {
                    AppendRune(b, raw, index, length, s, options);
                }
                continue;
            }
            for (var i = from; i < to;)
            {
                var length = char.IsHighSurrogate(raw[i]) && i + 1 < to && char.IsLowSurrogate(raw[i + 1]) ? 2 : 1;
                AppendRune(b, raw, i, length, s, options);
                i += length;
            }
        }
        var first = b.Build();
        if (options.HasFlag(Options.LeetI) || options.HasFlag(Options.LeetL)) first = Leet(first, options.HasFlag(Options.LeetL) ? 'l' : 'i');
        var (spaced, runs) = UndoLetterSpacing(first);
        return spaced is null ? null : Collapse(spaced).With(ReadingOf(options), runs);
    }

    private static string ReadingOf(Options options) => options switch
    {
        Options.LeetI or Options.LeetL => "leetspeak",
        Options.Reverse => "bidi-reversed",
        Options.DecodeTags => "tag characters",
        _ => "plain",
    };

    /// <summary>Rune positions in reading order; with <paramref name="reverse"/>, text inside U+202E … U+202C is reversed (how it displays).</summary>
    private static IEnumerable<(int Index, int Length)> Order(string raw, int from, int to, bool reverse)
    {
        var runes = new List<(int Index, int Length)>();
        for (var i = from; i < to;)
        {
            var length = Rune.DecodeFromUtf16(raw.AsSpan(i, to - i), out _, out var consumed) == OperationStatus.Done ? consumed : 1;
            runes.Add((i, length));
            i += length;
        }
        if (!reverse) return runes;
        var ordered = new List<(int Index, int Length)>(runes.Count);
        for (var r = 0; r < runes.Count; r++)
        {
            if (raw[runes[r].Index] != '\u202E')
            {
                ordered.Add(runes[r]);
                continue;
            }
            var close = runes.FindIndex(r + 1, x => raw[x.Index] is '\u202C' or '\n');
            if (close < 0) close = runes.Count;
            ordered.AddRange(runes.GetRange(r + 1, close - r - 1).AsEnumerable().Reverse());
            r = close - 1;
        }
        return ordered;
    }

    private static void AppendRune(Builder b, string raw, int index, int length, int segment, Options options)
    {
        var value = length == 2 ? char.ConvertToUtf32(raw[index], raw[index + 1]) : raw[index];
        if (options.HasFlag(Options.DecodeTags) && value is >= 0xE0020 and <= 0xE007E)
        {
            b.Add(char.ToLowerInvariant((char)(value - 0xE0000)), segment, index, index + length);
            return;
        }
        if (value < 0x80)
        {
            var c = (char)value;
            // Underscores join words in identifiers ("ignore_previous_instructions"): read them as spaces.
            if (c is '\n' or '\t' or '_') c = ' ';
            if (!char.IsControl(c)) b.Add(char.ToLowerInvariant(c), segment, index, index + length);
            return;
        }
        if (VisibleText.IsHidden(value)) return;
        foreach (var (c, isMark) in Folded.GetOrAdd(value, Fold))
        {
            if (isMark && b.LastIsAsciiLetter) continue;
            b.Add(c, segment, index, index + length);
        }
    }

    /// <summary>
    /// What one non-ASCII character reads as (NFKC, Latin diacritics dropped, look-alikes folded, lower case), with a
    /// flag for combining marks (dropped after a Latin letter). Cached: a profile repeats its few non-ASCII characters
    /// (dashes, quotes, bullets), and normalizing each occurrence through ICU was a third of building a reading.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (char C, bool IsMark)[]> Folded = new();

    private static (char C, bool IsMark)[] Fold(int value)
    {
        if (value is >= 0xD800 and <= 0xDFFF) return [((char)value, false)]; // a lone surrogate reads as itself
        var folded = new List<(char, bool)>();
        foreach (var ch in char.ConvertFromUtf32(value).Normalize(NormalizationForm.FormKC))
        {
            var c = ch;
            if (c is >= '\u00C0' and <= '\u024F') c = c.ToString().Normalize(NormalizationForm.FormD)[0];
            var isMark = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
            c = Confusables.TryGetValue(c, out var f) ? f : char.ToLowerInvariant(c);
            folded.Add((char.IsWhiteSpace(c) ? ' ' : c, isMark));
        }
        return [.. folded];
    }

    private static bool HasTagCharacters(string raw, int from, int to)
    {
        // Every tag character's high surrogate is U+DB40: most segments have none, found with one vectorized search.
        var first = raw.AsSpan(from, to - from).IndexOf('\uDB40');
        if (first < 0) return false;
        for (var i = from + first; i + 1 < to; i++)
        {
            if (raw[i] == '\uDB40' && raw[i + 1] is >= '\uDC20' and <= '\uDC7E') return true;
        }
        return false;
    }

    /// <summary>Digits and @/$ inside a word that has letters read as the letters they stand for.</summary>
    private static Skeleton Leet(Skeleton s, char one)
    {
        var chars = s.Text.ToCharArray();
        foreach (Match token in LeetToken().Matches(s.Text))
        {
            for (var i = token.Index; i < token.Index + token.Length; i++)
            {
                chars[i] = chars[i] switch
                {
                    '0' => 'o',
                    '1' => one,
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '7' => 't',
                    '@' => 'a',
                    '$' => 's',
                    var c => c,
                };
            }
        }
        return new Skeleton(new string(chars), s._map, s.Reading, s.SpacedRuns);
    }

    /// <summary>
    /// Runs of four or more single characters separated by single spaces or dots ("i g n o r e", "i.g.n.o.r.e") are
    /// joined; a wider gap (two or more spaces, or " / ") inside a run is a word break. Null when there are runs and
    /// <paramref name="s"/> has no map (the runs need their raw offsets).
    /// </summary>
    private static (Skeleton?, IReadOnlyList<SpacedRun>) UndoLetterSpacing(Skeleton s)
    {
        if (!MayHaveSpacedRun(s.Text)) return (s, []);
        var matches = SpacedRunPattern().Matches(s.Text);
        if (matches.Count == 0) return (s, []);
        if (s._map is null) return (null, []);
        var b = new Builder(s.Text.Length, mapped: true);
        var runs = new List<SpacedRun>();
        var at = 0;
        foreach (Match m in matches)
        {
            for (; at < m.Index; at++) b.AddFrom(s, at);
            var compact = new StringBuilder();
            var gap = 0;
            for (; at < m.Index + m.Length; at++)
            {
                var c = s.Text[at];
                if (char.IsLetterOrDigit(c) || c is '@' or '$')
                {
                    if (gap >= 2 && compact.Length > 0) b.Add(' ', -1, 0, 0);
                    gap = 0;
                    b.AddFrom(s, at);
                    compact.Append(c);
                }
                else
                {
                    gap += c == ' ' ? 1 : c == '/' ? 2 : 0;
                }
            }
            runs.Add(new SpacedRun(compact.ToString(), s.ToRaw(m.Index, m.Index + m.Length)));
        }
        for (; at < s.Text.Length; at++) b.AddFrom(s, at);
        return (b.Build().With(s.Reading, runs), runs);
    }

    /// <summary>
    /// A cheap superset of <see cref="SpacedRunPattern"/>: two single characters in a row, joined by one of its gaps.
    /// The pattern, tried at every letter, was the costliest step of a reading; ordinary prose has no such pair.
    /// </summary>
    /// <remarks>
    /// One pass over the runs of run characters: two runs of length one whose separator is one to four gap characters.
    /// </remarks>
    private static bool MayHaveSpacedRun(string text)
    {
        var previousSingleEnd = -1; // just past the previous run when it was a single character
        for (var i = 0; i < text.Length;)
        {
            if (!IsRunChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsRunChar(text[i])) i++;
            if (i - start != 1)
            {
                previousSingleEnd = -1;
                continue;
            }
            if (previousSingleEnd >= 0 && start - previousSingleEnd <= 4 && IsAllGaps(text.AsSpan(previousSingleEnd, start - previousSingleEnd))) return true;
            previousSingleEnd = i;
        }
        return false;
    }

    private static bool IsAllGaps(ReadOnlySpan<char> separator)
    {
        foreach (var c in separator)
        {
            if (!IsGap(c)) return false;
        }
        return true;
    }

    private static bool IsRunChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '@' or '$';

    private static bool IsGap(char c) => c is '/' or '.' or '-' or '_' or '·' or '*' || char.IsWhiteSpace(c);

    private static Skeleton Collapse(Skeleton s)
    {
        // Already collapsed (the usual case): no copy.
        if (s.Text.Length == 0 || (s.Text[0] != ' ' && s.Text[^1] != ' ' && !s.Text.Contains("  ", StringComparison.Ordinal))) return s;
        var b = new Builder(s.Text.Length, mapped: s._map is not null);
        var pending = false;
        for (var i = 0; i < s.Text.Length; i++)
        {
            if (s.Text[i] == ' ')
            {
                pending = b.Length > 0;
                continue;
            }
            if (pending) b.Add(' ', -1, 0, 0);
            pending = false;
            b.AddFrom(s, i);
        }
        return b.Build().With(s.Reading, s.SpacedRuns);
    }

    private Skeleton With(string reading, IReadOnlyList<SpacedRun> runs) => new(Text, _map, reading, runs);

    /// <summary>
    /// The text and, when <c>mapped</c>, its map to raw offsets, in growable arrays (three lists and a StringBuilder cost
    /// twice as much). The text array is pooled: it is copied into the string and returned by <see cref="Build"/>.
    /// </summary>
    private sealed class Builder
    {
        private char[] _text;
        private int[]? _segment, _start, _end;

        public Builder(int capacity, bool mapped)
        {
            _text = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity));
            // As long as the rented array (which may be longer than asked): both grow when it is full.
            if (mapped) (_segment, _start, _end) = (new int[_text.Length], new int[_text.Length], new int[_text.Length]);
        }

        public int Length { get; private set; }

        public bool LastIsAsciiLetter => Length > 0 && char.IsAsciiLetter(_text[Length - 1]);

        public void Add(char c, int segment, int start, int end)
        {
            if (Length == _text.Length) Grow();
            _text[Length] = c;
            if (_segment is not null)
            {
                _segment[Length] = segment;
                _start![Length] = start;
                _end![Length] = end;
            }
            Length++;
        }

        /// <summary>Character <paramref name="i"/> of <paramref name="s"/> with where it came from.</summary>
        public void AddFrom(Skeleton s, int i)
        {
            if (s._map is { } map) Add(s.Text[i], map.Segment[i], map.Start[i], map.End[i]);
            else Add(s.Text[i], -1, 0, 0);
        }

        private void Grow()
        {
            var size = _text.Length * 2;
            var text = ArrayPool<char>.Shared.Rent(size);
            _text.AsSpan(0, Length).CopyTo(text);
            ArrayPool<char>.Shared.Return(_text);
            _text = text;
            if (_segment is not null)
            {
                Array.Resize(ref _segment, size);
                Array.Resize(ref _start, size);
                Array.Resize(ref _end, size);
            }
        }

        /// <summary>The skeleton; it takes the map arrays as they are (longer than the text; only [0, Length) is read).</summary>
        public Skeleton Build()
        {
            var text = new string(_text, 0, Length);
            ArrayPool<char>.Shared.Return(_text);
            _text = [];
            return new(text, _segment is null ? null : new Map(_segment, _start!, _end!), "plain", []);
        }
    }

    /// <summary>
    /// Cyrillic, Greek and a few other letters that look like Latin ones, folded to the Latin letter (lower case). A
    /// compact subset of the Unicode confusables data (UTS #39, confusables.txt), enough for the look-alikes used to
    /// dodge keyword filters; not the full skeleton algorithm.
    /// </summary>
    private static readonly Dictionary<char, char> Confusables = new()
    {
        // Cyrillic lower case
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['к'] = 'k', ['м'] = 'm',
        ['н'] = 'h', ['о'] = 'o', ['п'] = 'n', ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's',
        ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['һ'] = 'h', ['ӏ'] = 'l', ['ү'] = 'y', ['ɡ'] = 'g', ['ı'] = 'i',
        // Cyrillic upper case
        ['А'] = 'a', ['В'] = 'b', ['Е'] = 'e', ['К'] = 'k', ['М'] = 'm', ['Н'] = 'h', ['О'] = 'o', ['Р'] = 'p', ['С'] = 'c',
        ['Т'] = 't', ['Х'] = 'x', ['У'] = 'y', ['І'] = 'i', ['Ј'] = 'j', ['Ѕ'] = 's', ['Ԁ'] = 'd', ['Ԛ'] = 'q', ['Ԝ'] = 'w',
        // Greek
        ['α'] = 'a', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x',
        ['ω'] = 'w', ['η'] = 'n', ['Α'] = 'a', ['Β'] = 'b', ['Ε'] = 'e', ['Ζ'] = 'z', ['Η'] = 'h', ['Ι'] = 'i', ['Κ'] = 'k',
        ['Μ'] = 'm', ['Ν'] = 'n', ['Ο'] = 'o', ['Ρ'] = 'p', ['Τ'] = 't', ['Υ'] = 'y', ['Χ'] = 'x',
        // Armenian
        ['օ'] = 'o', ['ս'] = 'u', ['ո'] = 'n',
    };

    [GeneratedRegex(@"^\s*(?:[-*•▪◦]|\d{1,2}[.)])\s+")]
    private static partial Regex BulletMarker();

    // A word with a letter and a digit-for-letter (or @, $) in it: "1gn0r3", "pr3v10us", "$c0re".
    [GeneratedRegex(@"(?<![\p{L}\d@$])(?=[\p{L}\d@$]*\p{L}[\p{L}\d@$]*\p{L})(?=[\p{L}\d@$]*[013457@$])(?![\p{L}\d@$]*\d{3})[\p{L}\d@$]{3,}")]
    private static partial Regex LeetToken();

    // Single characters separated by a space, a dot, a hyphen or an underscore, at least four of them.
    [GeneratedRegex(@"(?<![\p{L}\p{N}@$])[\p{L}\p{N}@$](?:(?: {1,3}|\s?/\s?|[.\-_·*] ?)[\p{L}\p{N}@$](?![\p{L}\p{N}@$])){3,}")]
    private static partial Regex SpacedRunPattern();
}
