using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;
using ReviewPanel.Text;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Finds instructions aimed at reviewers or models inside the profile (prompt injection) in every string that can
/// reach a model or a reader (<see cref="ProfileStrings"/>: titles, text, items, columns, cells, field names and
/// values, sources, the profile's own title, code and id). Each string is read through a <see cref="Skeleton"/> that
/// undoes the usual disguises (hidden characters, NFKC, look-alike letters, leetspeak, letter-spacing, reversed text in
/// a bidi override, tag characters), embedded base64 and hex runs are decoded and read too, and consecutive lines and
/// items of a layer are read together so an instruction split over bullets is seen whole. The patterns
/// (<see cref="InjectionRules"/>) match intent in seven languages. It scores no dimension; what it finds goes to
/// <see cref="Review.Injections"/>, and a grounded injection fails the profile. Quotes are verbatim raw text (hidden
/// characters included); the note shows them escaped.
/// </summary>
public sealed partial class InjectionReviewer : IReviewer
{
    private const int MaxQuote = 220;

    public ReviewerDescriptor Descriptor { get; } = new("heuristic.injection", "1", HeuristicText.Kind, []);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var found = new List<Evidence>();
        foreach (var document in Documents(profile))
        {
            Scan(document, found);
        }

        var rationale = "Scanned every string of the profile (titles, text, items, table cells, fields, sources, title, code and id), "
            + "after removing hidden characters and folding look-alikes, leetspeak, letter-spacing, reversed and encoded text, "
            + "for instructions aimed at reviewers or models in English, German, French, Spanish, Portuguese, Chinese and Japanese"
            + (found.Count == 0 ? "; found none." : $"; found {HeuristicText.Plural(found.Count, "instruction")}.");
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale) with { Injections = found });
    }

    /// <summary>What is read as one piece: a layer's text (its lines), a layer's items, or one other string.</summary>
    private sealed record Document(string LayerKey, IReadOnlyList<Skeleton.Segment> Segments);

    /// <summary>
    /// The strings to read, from <see cref="ProfileStrings"/>: a string already inside its layer's text (the text format
    /// repeats items, cells and fields there) is read with the text, not again; so is a profile title a layer holds.
    /// </summary>
    private static IEnumerable<Document> Documents(RoleProfile profile)
    {
        // Each layer key's text (the texts of layers sharing a key joined by line breaks).
        var texts = new Dictionary<string, string>(profile.Layers.Count, StringComparer.Ordinal);
        foreach (var layer in profile.Layers)
        {
            texts[layer.Key] = texts.TryGetValue(layer.Key, out var before) ? before + "\n" + layer.Text : layer.Text;
        }
        var items = new List<Skeleton.Segment>();
        string? itemsKey = null;
        foreach (var s in ProfileStrings.Entries(profile))
        {
            if (s.IsDerived || string.IsNullOrWhiteSpace(s.Value)) continue;
            var isText = s.Part == ProfileStringEntry.Text;
            var covered = !isText && (s.LayerKey == ProfileStrings.ProfileKey
                ? texts.Values.Any(t => t.Contains(s.Value, StringComparison.Ordinal))
                : texts.TryGetValue(s.LayerKey, out var text) && text.Contains(s.Value, StringComparison.Ordinal));
            if (covered) continue;
            var isItem = s.Part == ProfileStringEntry.Items;
            if (itemsKey is not null && (!isItem || itemsKey != s.LayerKey))
            {
                yield return new Document(itemsKey, items);
                items = [];
                itemsKey = null;
            }
            if (isItem)
            {
                itemsKey = s.LayerKey;
                items.Add(new Skeleton.Segment(s.Value, 0, s.Value.Length));
                continue;
            }
            yield return new Document(s.LayerKey, Lines(s.Value));
        }
        if (itemsKey is not null) yield return new Document(itemsKey, items);
    }

    private static List<Skeleton.Segment> Lines(string text)
    {
        var lines = new List<Skeleton.Segment>(text.AsSpan().Count('\n') + 1);
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (!text.AsSpan(start, end - start).IsWhiteSpace()) lines.Add(new Skeleton.Segment(text, start, end));
            start = end + 1;
        }
        return lines;
    }

    /// <summary>
    /// Reads the whole document at once, its lines or items joined by a space, so a match may run across a break
    /// (an instruction split over consecutive bullets); every reading of it; then the encoded runs of each line.
    /// </summary>
    private static void Scan(Document document, List<Evidence> found)
    {
        var segments = document.Segments;
        if (segments.Count == 0) return;
        var key = document.LayerKey;
        foreach (var skeleton in Skeleton.Variants(segments))
        {
            foreach (var rule in InjectionRules.Plain)
            {
                if (!rule.MayMatch(skeleton.Text)) continue;
                // EnumerateMatches: no MatchCollection per rule and reading (most find nothing).
                foreach (var m in rule.Pattern.EnumerateMatches(skeleton.Text))
                {
                    var spans = m.Length == 0 ? [] : skeleton.ToRaw(m.Index, m.Index + m.Length);
                    if (spans.Count == 0) continue;
                    var how = skeleton.Reading == "plain" ? "" : $" (read as {skeleton.Reading})";
                    var value = skeleton.Text.Substring(m.Index, m.Length);
                    var note = $"{rule.Note} Matched \"{value}\"{how}" + (spans.Count > 1 ? " across consecutive lines or items." : ".");
                    foreach (var quote in Quotes(segments, spans)) Add(found, key, quote, note);
                }
            }
            foreach (var run in skeleton.SpacedRuns)
            {
                foreach (var rule in InjectionRules.Compact)
                {
                    if (rule.Pattern.Match(run.Compact) is { Success: true } m)
                    {
                        foreach (var quote in Quotes(segments, run.Spans)) Add(found, key, quote, $"{rule.Note} Letters read together: \"{m.Value}\".");
                    }
                }
            }
        }
        foreach (var segment in segments)
        {
            ScanEncoded(key, segment, found);
            var line = segment.Raw.AsSpan(segment.From, segment.To - segment.From);
            if (line.Contains(':') && SpeakerLine().IsMatch(line)) Add(found, key, line.Trim().ToString(), "A chat-transcript speaker line.");
        }
    }

    /// <summary>Base64 and hex runs that decode to readable text are read too; the quote is the encoded run.</summary>
    private static void ScanEncoded(string key, Skeleton.Segment segment, List<Evidence> found)
    {
        if (!HasLongRun(segment.Raw.AsSpan(segment.From, segment.To - segment.From))) return;
        var raw = segment.Raw[segment.From..segment.To];
        foreach (var (run, decoded, encoding) in Encoded(raw))
        {
            var inner = new Skeleton.Segment(decoded, 0, decoded.Length);
            foreach (var skeleton in Skeleton.Variants([inner]))
            {
                var hit = InjectionRules.Plain.Select(r => (Rule: r, Match: r.Pattern.Match(skeleton.Text))).FirstOrDefault(x => x.Match.Success);
                if (hit.Rule is null) continue;
                var shown = VisibleText.Escape(HeuristicText.Clip(decoded, 160));
                Add(found, key, run.Length > 400 ? run[..400] : run,
                    $"{hit.Rule.Note} Hidden as {encoding}: decodes to \"{shown}\" (matched \"{hit.Match.Value}\").");
                break;
            }
        }
    }

    /// <summary>
    /// Whether the line has 16 characters in a row that base64 or hex use: both run patterns need one, and most lines
    /// have none, so the patterns (with their lookarounds at every position) run only where they could match.
    /// </summary>
    private static bool HasLongRun(ReadOnlySpan<char> line)
    {
        var run = 0;
        foreach (var c in line)
        {
            run = char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '_' or '-' ? run + 1 : 0;
            if (run >= 16) return true;
        }
        return false;
    }

    private static IEnumerable<(string Run, string Decoded, string Encoding)> Encoded(string raw)
    {
        foreach (Match m in Base64Run().Matches(raw))
        {
            if (TryBase64(m.Value) is { } text) yield return (m.Value, text, "base64");
        }
        foreach (Match m in HexRun().Matches(raw))
        {
            var bytes = Convert.FromHexString(m.Value);
            if (Readable(bytes) is { } text) yield return (m.Value, text, "hex");
        }
    }

    private static string? TryBase64(string run)
    {
        var s = run.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(s.Length)];
        return Convert.TryFromBase64String(s, buffer, out var written) ? Readable(buffer.AsSpan(0, written).ToArray()) : null;
    }

    /// <summary>The bytes as text when they are valid UTF-8 and nearly all printable; null otherwise (hashes, noise).</summary>
    private static string? Readable(byte[] bytes)
    {
        if (bytes.Length < 8) return null;
        // Checked, not decoded with a throwing decoder: most runs (hyphenated words, ids, hashes) are not UTF-8 text,
        // and an exception per run was a tenth of the offline batch's CPU.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var text = Encoding.UTF8.GetString(bytes);
        var printable = text.Count(c => !char.IsControl(c) || c is '\n' or '\t');
        var letters = text.Count(char.IsLetter);
        return printable >= text.Length * 0.95 && letters >= text.Length * 0.5 && text.Contains(' ', StringComparison.Ordinal) ? text : null;
    }

    /// <summary>Verbatim quotes for the raw spans: one quote when they lie in one string (lines of a text), one per item otherwise.</summary>
    private static IEnumerable<string> Quotes(IReadOnlyList<Skeleton.Segment> segments, IReadOnlyList<(int Segment, int Start, int End)> spans)
    {
        var first = segments[spans[0].Segment];
        var last = segments[spans[^1].Segment];
        if (spans.Count == 1)
        {
            yield return HeuristicText.QuoteAround(first.Raw, spans[0].Start, spans[0].End, MaxQuote);
            yield break;
        }
        if (spans.All(s => ReferenceEquals(segments[s.Segment].Raw, first.Raw)))
        {
            var from = first.From + (BulletMarker().Match(first.Raw, first.From, first.To - first.From) is { Success: true } b ? b.Length : 0);
            var quote = first.Raw[from..last.To].Trim();
            yield return quote.Length <= MaxQuote * 2 ? quote : first.Raw[spans[0].Start..spans[^1].End].Trim();
            yield break;
        }
        foreach (var span in spans)
        {
            var segment = segments[span.Segment];
            yield return HeuristicText.QuoteAround(segment.Raw, segment.From, segment.To, MaxQuote);
        }
    }

    private static void Add(List<Evidence> found, string key, string quote, string note)
    {
        if (quote.Length == 0) return;
        // One instruction often trips several rules and readings, with overlapping quotes; report it once.
        var normalized = HeuristicText.Norm(VisibleText.Strip(quote));
        if (found.Any(e => e.LayerKey == key && HeuristicText.Norm(VisibleText.Strip(e.Quote)).Contains(normalized, StringComparison.Ordinal))) return;
        // A quote across two lines replaces the one-line quotes it contains.
        found.RemoveAll(e => e.LayerKey == key && normalized.Contains(HeuristicText.Norm(VisibleText.Strip(e.Quote)), StringComparison.Ordinal));
        if (found.Any(e => HeuristicText.Norm(VisibleText.Strip(e.Quote)) == normalized)) return;
        var shown = VisibleText.ContainsHidden(quote) ? $" Shown with hidden characters: \"{VisibleText.Escape(quote)}\"." : "";
        found.Add(new Evidence(key, quote, note + shown));
    }

    // On the raw text: a line that opens like a chat transcript turn.
    [GeneratedRegex(@"^\s*(?:assistant|system prompt)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex SpeakerLine();

    [GeneratedRegex(@"^\s*(?:[-*•▪◦]|\d{1,2}[.)])\s+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Fa-f])")]
    private static partial Regex HexRun();
}
