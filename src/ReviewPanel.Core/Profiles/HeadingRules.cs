using System.Text.RegularExpressions;

namespace ReviewPanel.Profiles;

/// <summary>
/// How the text format's section headings are recognized (documented in docs/profile-format.md).
/// <list type="number">
/// <item>Known headings: a whole line matching one of the patterns below, case-insensitively, after removing a trailing
/// UI toggle ("show ▾", "hide ▴") and a trailing colon. A known heading never ends with sentence punctuation, so a
/// prose line such as "Focus-specific skills ... base." is not a heading.</item>
/// <item>Unknown headings (kept as <c>unknown:&lt;slug&gt;</c> layers): a short line (at most 60 characters and 6 words)
/// that starts with an upper-case letter, is not a bullet or table row, has no sentence-ending punctuation and no
/// <c>=</c>, does not directly follow another heading (that line is the heading's description), and is followed by a
/// bullet, a table row or a description (a line that ends like a sentence or is longer than a heading).</item>
/// </list>
/// </summary>
internal static partial class HeadingRules
{
    public const int MaxHeadingLength = 100;
    public const int MaxUnknownHeadingLength = 60;
    public const int MaxUnknownHeadingWords = 6;

    private static readonly (string Key, Regex Pattern)[] Known =
    [
        (LayerKeys.Focus, FocusRegex()),
        (LayerKeys.Responsibilities, ResponsibilitiesRegex()),
        (LayerKeys.LevelGuidelines, LevelGuidelinesRegex()),
        (LayerKeys.Skills, SkillsRegex()),
        (LayerKeys.Provenance, ProvenanceRegex()),
        (LayerKeys.Level, LevelRegex()),
        (LayerKeys.AdjacentRoles, AdjacentRolesRegex()),
        (LayerKeys.TitleAliases, TitleAliasesRegex()),
        (LayerKeys.Classification, ClassificationRegex()),
    ];

    /// <summary>A recognized heading: its layer key, its display title (UI toggle removed) and the pattern match.</summary>
    public sealed record Heading(string Key, string Title, Match Match);

    /// <summary>The known heading on this line, or null.</summary>
    public static Heading? MatchKnown(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length is 0 or > MaxHeadingLength || IsBullet(trimmed) || IsTableRow(trimmed) || EndsLikeSentence(trimmed))
        {
            return null;
        }
        // "Title aliasesshow ▾": the page's expand toggle is glued to the heading; it is UI, not content.
        // The toggle pattern ends with an arrow: only a line ending with one can lose anything to it.
        var title = trimmed[^1] is '▾' or '▴' or '▼' or '▲' ? ToggleWithArrowRegex().Replace(trimmed, string.Empty).TrimEnd() : trimmed;
        if (TryKnown(title) is { } heading)
        {
            return heading;
        }
        var bare = BareToggleRegex().Replace(title, string.Empty).TrimEnd();
        return bare.Length < title.Length ? TryKnown(bare) : null;
    }

    /// <summary>Whether the line at <paramref name="index"/> starts an unknown section (see the class summary).</summary>
    public static bool IsUnknownHeading(IReadOnlyList<string> lines, int index, bool previousIsHeading)
    {
        if (previousIsHeading)
        {
            return false;
        }
        var line = lines[index].Trim();
        if (line.Length is 0 or > MaxUnknownHeadingLength
            || !char.IsLetter(line[0]) || !char.IsUpper(line[0])
            || IsBullet(line) || IsTableRow(line) || EndsLikeSentence(line) || line.EndsWith(':')
            || line.Contains('=', StringComparison.Ordinal)
            || line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxUnknownHeadingWords)
        {
            return false;
        }
        var next = NextNonBlank(lines, index);
        if (next is null)
        {
            return false;
        }
        var n = next.Trim();
        return IsBullet(n) || IsTableRow(n) || EndsLikeSentence(n) || n.EndsWith(':') || n.Length > MaxUnknownHeadingLength;
    }

    /// <summary>The display title for an unknown heading (UI toggle removed).</summary>
    public static string CleanTitle(string line) => ToggleWithArrowRegex().Replace(line.Trim(), string.Empty).TrimEnd();

    public static bool IsBullet(string line) => line.Contains('\n') ? BulletRegex().IsMatch(line) : BulletStart(line) >= 0;

    /// <summary>The bullet's text without its marker, or null when the line is not a bullet.</summary>
    public static string? BulletText(string line)
    {
        if (line.Contains('\n'))
        {
            var m = BulletRegex().Match(line);
            return m.Success ? m.Groups[1].Value.Trim() : null;
        }
        var start = BulletStart(line);
        return start >= 0 ? line.AsSpan(start).Trim().ToString() : null;
    }

    /// <summary>
    /// <see cref="BulletRegex"/> for a line without '\n', without a Match: whitespace, a marker, whitespace; the index
    /// just past the marker, or -1 when the line is no bullet.
    /// </summary>
    private static int BulletStart(string line)
    {
        var marker = line.Length - line.AsSpan().TrimStart().Length;
        return marker + 1 < line.Length && line[marker] is ('-' or '*' or '•') && char.IsWhiteSpace(line[marker + 1]) ? marker + 1 : -1;
    }

    public static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    public static string? NextNonBlank(IReadOnlyList<string> lines, int index)
    {
        for (var i = index + 1; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return lines[i];
            }
        }
        return null;
    }

    private static bool EndsLikeSentence(string line) => line[^1] is '.' or '!' or '?' or ';' or ',' or '…';

    /// <summary>
    /// The letters the known patterns start with, in either case (focus, key, responsibilities, level, skills,
    /// provenance, adjacent, title, aliases, classification): a line starting with another ASCII character is no known
    /// heading, and skips the nine patterns. A non-ASCII start is left to the patterns (case-insensitive matching
    /// folds a few, such as the Kelvin sign, to ASCII letters).
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> KnownFirstLetters = System.Buffers.SearchValues.Create("fFkKrRlLsSpPaAtTcC");

    private static Heading? TryKnown(string title)
    {
        var candidate = title.TrimEnd(':').TrimEnd();
        if (candidate.Length == 0 || (char.IsAscii(candidate[0]) && !KnownFirstLetters.Contains(candidate[0]))) return null;
        foreach (var (key, pattern) in Known)
        {
            var m = pattern.Match(candidate);
            if (m.Success)
            {
                return new Heading(key, candidate, m);
            }
        }
        return null;
    }

    // A separator between heading parts: an em/en dash or colon, or a hyphen with spaces around it
    // (so "Focus-specific" is one word, not "Focus" + "specific").
    private const string Sep = @"(?:\s*[—–:]\s*|\s+-\s+)";
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^focus(?:" + Sep + @"\S.*)?$", Opts)]
    private static partial Regex FocusRegex();

    [GeneratedRegex(@"^(?:key\s+)?responsibilities(?:\s+by\s+level)?$", Opts)]
    private static partial Regex ResponsibilitiesRegex();

    [GeneratedRegex(@"^level(?:ing)?\s+guidelines$", Opts)]
    private static partial Regex LevelGuidelinesRegex();

    [GeneratedRegex(@"^(?:key\s+|focus-specific\s+)?skills$", Opts)]
    private static partial Regex SkillsRegex();

    [GeneratedRegex(@"^provenance$", Opts)]
    private static partial Regex ProvenanceRegex();

    /// <summary>"Level — P6 — Principal Professional": group 1 the level code, group 2 the level name.</summary>
    [GeneratedRegex(@"^level" + Sep + @"([PME][1-9])(?:" + Sep + @"(\S.*))?$", Opts)]
    private static partial Regex LevelRegex();

    [GeneratedRegex(@"^adjacent\s+roles$", Opts)]
    private static partial Regex AdjacentRolesRegex();

    [GeneratedRegex(@"^(?:title\s+)?aliases$", Opts)]
    private static partial Regex TitleAliasesRegex();

    [GeneratedRegex(@"^classifications?(?:\s+(?:mappings?|codes))?$", Opts)]
    private static partial Regex ClassificationRegex();

    [GeneratedRegex(@"\s*(?:(?:show|hide)\s*)?[▾▴▼▲]$", Opts)]
    private static partial Regex ToggleWithArrowRegex();

    [GeneratedRegex(@"\s*(?:show|hide)$", Opts)]
    private static partial Regex BareToggleRegex();

    [GeneratedRegex(@"^\s*[-*•]\s+(.*)$")]
    private static partial Regex BulletRegex();
}
