using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Reporting;

/// <summary>
/// Builds repair instructions from a recorded <see cref="ProfileReport"/>: one per grounded quote behind a failing
/// dimension, plus one per instruction aimed at reviewers. Lines come from the layer's <c>file:path#La-Lb</c> source and
/// the quote's position in those lines of the file (whitespace- and case-insensitive, as grounding matches); when the
/// file is gone or changed, the layer's own lines are given instead. Output order is stable: dimension, layer, line.
/// </summary>
public static partial class RepairInstructions
{
    /// <summary>Reads a source file's lines, or null when it is not there (the default reads the file system).</summary>
    public static IReadOnlyList<string>? ReadFile(string path) => System.IO.File.Exists(path) ? System.IO.File.ReadAllLines(path) : null;

    public static IReadOnlyList<RepairInstruction> From(ProfileReport report, Func<string, IReadOnlyList<string>?>? readLines = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        readLines ??= ReadFile;
        if (report.ProfileId is null || report.Verdict.Outcome == VerdictOutcome.Pass)
        {
            return [];
        }
        var files = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        IReadOnlyList<string>? Lines(string file) => files.TryGetValue(file, out var l) ? l : files[file] = readLines(file);

        var findings = report.Verdict.Dimensions.Where(d => d.Failing)
            .SelectMany(d => d.Evidence.Where(e => e.Grounded != false).Select(e => (d.Dimension, Evidence: e)))
            .Concat(report.Verdict.Injections.Select(e => (Dimension: Verdict.InjectionRule, Evidence: e)))
            .Distinct()
            .ToList();

        var result = new List<RepairInstruction>();
        foreach (var (dimension, evidence) in findings)
        {
            var (reviewer, rationale) = FindReviewer(report, dimension, evidence);
            var layer = report.Layers.FirstOrDefault(l => l.Key == evidence.LayerKey);
            var range = layer?.Sources.Select(ParseSource).FirstOrDefault(s => s is not null);
            var lines = range is { } r ? Lines(r.File) : null;
            var here = range is { } rr && lines is not null ? Occurrences(lines, rr.Start, rr.End, evidence.Quote) : [];
            var (start, end, of) = here.Count > 0 ? (here[^1].Start, here[^1].End, "quote")
                : range is { } whole ? (whole.Start, whole.End, "layer") : (0, 0, "none");
            var fix = Fix(reviewer, dimension, evidence, report, range, lines, here, Lines);
            result.Add(new RepairInstruction
            {
                ProfileId = report.ProfileId,
                VersionHash = report.VersionHash ?? "",
                RunId = report.RunId,
                Dimension = dimension,
                Reviewer = reviewer,
                Layer = evidence.LayerKey,
                File = range?.File,
                LineStart = of == "none" ? null : start,
                LineEnd = of == "none" ? null : end,
                LinesOf = of,
                Quote = evidence.Quote,
                Problem = evidence.Note ?? rationale ?? $"{dimension} below the pass line",
                Fix = fix,
            });
        }
        return result.OrderBy(i => i.Dimension, StringComparer.Ordinal).ThenBy(i => i.LineStart ?? int.MaxValue).ThenBy(i => i.Layer, StringComparer.Ordinal).ToList();
    }

    /// <summary>One JSON object per line, in the documented field order, no indentation.</summary>
    public static void WriteJsonLines(IEnumerable<RepairInstruction> instructions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var i in instructions)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("profileId", i.ProfileId);
                json.WriteString("versionHash", i.VersionHash);
                json.WriteString("runId", i.RunId);
                json.WriteString("dimension", i.Dimension);
                json.WriteString("reviewer", i.Reviewer);
                json.WriteString("layer", i.Layer);
                json.WriteString("file", i.File);
                json.WriteStartObject("lines");
                if (i.LineStart is { } s && i.LineEnd is { } e)
                {
                    json.WriteNumber("start", s);
                    json.WriteNumber("end", e);
                }
                else
                {
                    json.WriteNull("start");
                    json.WriteNull("end");
                }
                json.WriteString("of", i.LinesOf);
                json.WriteEndObject();
                json.WriteString("quote", i.Quote);
                json.WriteString("problem", i.Problem);
                json.WriteString("fix", i.Fix);
                json.WriteEndObject();
            }
            writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    private static (string? Reviewer, string? Rationale) FindReviewer(ProfileReport report, string dimension, Evidence evidence)
    {
        foreach (var review in report.Reviews.Concat(report.Adjudications))
        {
            if (dimension == Verdict.InjectionRule)
            {
                if (review.Injections.Any(e => e.LayerKey == evidence.LayerKey && e.Quote == evidence.Quote))
                {
                    return (review.ReviewerId, review.Rationale);
                }
                continue;
            }
            var score = review.Scores.FirstOrDefault(s => s.Dimension == dimension && s.Evidence.Any(e => e.LayerKey == evidence.LayerKey && e.Quote == evidence.Quote));
            if (score is not null)
            {
                return (review.ReviewerId, score.Rationale);
            }
        }
        return (null, null);
    }

    private static string Fix(string? reviewer, string dimension, Evidence evidence, ProfileReport report, SourceRange? range, IReadOnlyList<string>? lines,
        IReadOnlyList<(int Start, int End)> here, Func<string, IReadOnlyList<string>?> readLines)
    {
        var at = here.Count > 0 ? $"at lines {Span(here[^1])}" : range is { } r ? $"in lines {r.Start}-{r.End}" : $"in the {evidence.LayerKey} layer";
        switch (reviewer)
        {
            case "heuristic.duplication":
                {
                    // The first occurrence anywhere in the profile is the one to keep; later ones are the repeats.
                    var all = report.Layers.SelectMany(l => l.Sources.Select(ParseSource).Where(s => s is not null).Take(1))
                        .SelectMany(s => readLines(s!.File) is { } ls ? Occurrences(ls, s.Start, s.End, evidence.Quote) : [])
                        .Distinct().OrderBy(o => o.Start).ToList();
                    if (all.Count >= 2 && here.Count > 0)
                    {
                        var keep = all[0];
                        var repeats = here.Where(o => o != keep).ToList();
                        if (repeats.Count == 0)
                        {
                            return $"keep lines {Span(keep)}; delete or rewrite the later copies of this paragraph (lines {string.Join(", ", all.Skip(1).Select(Span))})";
                        }
                        var sameLayer = range is { } lr && keep.Start >= lr.Start && keep.End <= lr.End;
                        return sameLayer || here.Count > 1
                            ? $"delete the repeated paragraph at lines {string.Join(", ", repeats.Select(Span))}; keep lines {Span(keep)}"
                            : $"rewrite the paragraph at lines {string.Join(", ", repeats.Select(Span))} in the {evidence.LayerKey} layer so it says what this layer should, not a copy of lines {Span(keep)}";
                    }
                    return $"delete the repeated text {at}; keep its first occurrence";
                }
            case "heuristic.placeholder":
                return $"replace the placeholder or cut-off text {at} with the finished sentence";
            case "heuristic.level-ladder":
                return $"rewrite the level text {at} so levels appear in order, years and scope rise level by level, and the title's level matches the level block";
            case "heuristic.evidence":
                return $"add what is missing {at}: the provenance block, sources, and a real O*NET-SOC code plausible for the focus";
            case "heuristic.fairness":
                return $"rewrite the wording {at} without the exclusionary requirement or gendered pronoun (justify any degree or years requirement)";
            case "heuristic.specificity":
                return $"replace the generic text {at} with a concrete, observable responsibility naming this focus's tools, systems or outcomes";
            default:
                return dimension == Verdict.InjectionRule
                    ? $"delete the instruction aimed at reviewers {at}"
                    : $"revise the text {at} to address the {dimension} finding: {evidence.Note ?? "see the reviewer's rationale"}";
        }
    }

    private static string Span((int Start, int End) o) => string.Create(CultureInfo.InvariantCulture, $"{o.Start}-{o.End}");

    internal sealed record SourceRange(string File, int Start, int End);

    [GeneratedRegex(@"^file:(?<file>.+)#L(?<start>\d+)-L(?<end>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileSource();

    internal static SourceRange? ParseSource(string source)
    {
        var m = FileSource().Match(source);
        return m.Success
            ? new SourceRange(m.Groups["file"].Value, int.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Every place the quote occurs in lines <paramref name="from"/>..<paramref name="to"/> (1-based), as line spans, ignoring case and runs of whitespace.</summary>
    internal static IReadOnlyList<(int Start, int End)> Occurrences(IReadOnlyList<string> lines, int from, int to, string quote)
    {
        var needle = Normalize(quote, null).Text;
        if (needle.Length == 0)
        {
            return [];
        }
        var window = new StringBuilder();
        for (var n = Math.Max(1, from); n <= Math.Min(to, lines.Count); n++)
        {
            window.Append(lines[n - 1]).Append('\n');
        }
        var (hay, lineOf) = Normalize(window.ToString(), Math.Max(1, from));
        var found = new List<(int, int)>();
        for (var at = hay.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = hay.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            found.Add((lineOf[at], lineOf[at + needle.Length - 1]));
        }
        return found;
    }

    private static (string Text, List<int> LineOf) Normalize(string text, int? firstLine)
    {
        var sb = new StringBuilder(text.Length);
        var lineOf = new List<int>(text.Length);
        var line = firstLine ?? 1;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                    lineOf.Add(line);
                }
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
                lineOf.Add(line);
            }
            if (c == '\n')
            {
                line++;
            }
        }
        if (firstLine is null && sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
            lineOf.RemoveAt(lineOf.Count - 1);
        }
        return (sb.ToString(), lineOf);
    }
}
