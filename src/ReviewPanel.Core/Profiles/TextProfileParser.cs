using System.Text.RegularExpressions;

namespace ReviewPanel.Profiles;

/// <summary>
/// Parses the seed's text format: a title line, an optional code line, a summary, then sections that each start with a
/// heading line (see <see cref="HeadingRules"/>). Every layer's text is its lines verbatim, heading included, so a quote
/// of a heading is grounded in its layer. Unrecognized sections are kept as <c>unknown:&lt;slug&gt;</c> layers.
/// </summary>
internal static partial class TextProfileParser
{
    public const string Format = "text";
    private const int MaxTitleLength = 200;

    /// <summary>Parses normalized text (LF line ends, no BOM). Returns an error result when no profile is recognizable.</summary>
    public static ImportResult Parse(string path, string text)
    {
        var lines = text.Split('\n');
        var titleIndex = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (titleIndex < 0)
        {
            return ImportResult.Failure(path, ImportErrorKind.Empty, "file is empty (only whitespace)");
        }
        var title = lines[titleIndex].Trim();
        if (title.Length > MaxTitleLength || HeadingRules.IsBullet(title) || HeadingRules.IsTableRow(title)
            || HeadingRules.MatchKnown(title) is not null)
        {
            return NoProfile(path, "the first line is not a profile title");
        }

        var bodyStart = titleIndex + 1;
        int? codeIndex = null;
        var next = NextNonBlankIndex(lines, titleIndex);
        if (next >= 0 && CodeRegex().IsMatch(lines[next].Trim()))
        {
            codeIndex = next;
            bodyStart = next + 1;
        }

        var headings = FindHeadings(lines, bodyStart);
        if (!headings.Any(h => h.Known is not null))
        {
            return NoProfile(path, "no known section heading (Focus, Responsibilities by level, Level guidelines, Skills, ...) found");
        }

        var layers = new List<ProfileLayer>
        {
            ProfileIdentity.Layer(LayerKeys.Title, title, lines[titleIndex], [FileSource(path, titleIndex, titleIndex)]),
        };
        string? code = null;
        if (codeIndex is int ci)
        {
            code = lines[ci].Trim();
            layers.Add(ProfileIdentity.Layer(LayerKeys.Code, code, lines[ci], [FileSource(path, ci, ci)]));
        }

        if (Trim(lines, bodyStart, headings[0].Index - 1) is var (sFirst, sLast) && sFirst <= sLast)
        {
            layers.Add(ProfileIdentity.Layer(
                LayerKeys.Summary, "Summary", Join(lines, sFirst, sLast), [FileSource(path, sFirst, sLast)]));
        }

        string? levelFromBlock = null;
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            var end = h + 1 < headings.Count ? headings[h + 1].Index - 1 : lines.Length - 1;
            var (first, last) = Trim(lines, heading.Index, end);
            var section = new Section(path, lines, first, last);
            var layer = heading.Known switch
            {
                { Key: LayerKeys.Skills } k => section.Layer(k.Key, k.Title, fields: Pairs(section.Bullets())),
                { Key: LayerKeys.Level } k => section.Layer(k.Key, k.Title, fields: LevelFields(k, section)),
                { Key: LayerKeys.Classification } k => ClassificationLayer(k, section),
                { } k => section.Layer(k.Key, k.Title),
                null => section.Layer(
                    LayerKeys.UnknownPrefix + (ProfileIdentity.Slug(heading.Title) is { Length: > 0 } s ? s : "section"),
                    heading.Title),
            };
            if (heading.Known?.Key == LayerKeys.Level)
            {
                levelFromBlock ??= heading.Known.Match.Groups[1].Value.ToUpperInvariant();
            }
            layers.Add(layer);
        }

        var level = ProfileIdentity.Level(title, code) ?? levelFromBlock;
        return ImportResult.Success(ProfileIdentity.Profile(null, title, code, level, path, Format, layers));
    }

    private sealed record FoundHeading(int Index, string Title, HeadingRules.Heading? Known);

    private static List<FoundHeading> FindHeadings(string[] lines, int bodyStart)
    {
        var found = new List<FoundHeading>();
        var previousIsHeading = true; // the line right after the title/code starts the summary, never a section
        string? currentKey = null;
        for (var i = bodyStart; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            if (HeadingRules.MatchKnown(lines[i]) is { } known)
            {
                found.Add(new FoundHeading(i, known.Title, known));
                currentKey = known.Key;
                previousIsHeading = true;
                continue;
            }
            // In classification mappings a short line over the code bullets names the classification system ("O*NET / SOC").
            var isSystemLabel = currentKey == LayerKeys.Classification
                && HeadingRules.NextNonBlank(lines, i) is { } n && HeadingRules.IsBullet(n);
            if (!isSystemLabel && HeadingRules.IsUnknownHeading(lines, i, previousIsHeading))
            {
                found.Add(new FoundHeading(i, HeadingRules.CleanTitle(lines[i]), null));
                currentKey = null;
                previousIsHeading = true;
                continue;
            }
            previousIsHeading = false;
        }
        return found;
    }

    private static ImportResult NoProfile(string path, string why) =>
        ImportResult.Failure(path, ImportErrorKind.NoProfile, $"no recognizable profile: {why}");

    private static IReadOnlyList<KeyValuePair<string, string>> LevelFields(HeadingRules.Heading heading, Section section)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Level", heading.Match.Groups[1].Value.ToUpperInvariant()) };
        if (heading.Match.Groups[2].Success)
        {
            fields.Add(new("Name", heading.Match.Groups[2].Value.Trim()));
        }
        // The level's one-line summary sits between the heading and its key/value bullets.
        var summary = section.BodyLines().TakeWhile(l => !HeadingRules.IsBullet(l)).FirstOrDefault();
        if (summary is not null)
        {
            fields.Add(new("Summary", summary.Trim()));
        }
        fields.AddRange(Pairs(section.Bullets()));
        return fields;
    }

    /// <summary>
    /// "O*NET / SOC" over "- code=15-1244source=jfm-factory.resolve": the line names the system, the bullet carries
    /// <c>name=value</c> pairs (the page glues them together, so known names split them). Every <c>source=</c> value is
    /// a declared source of the layer.
    /// </summary>
    private static ProfileLayer ClassificationLayer(HeadingRules.Heading heading, Section section)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var declared = new List<string>();
        var items = new List<string>();
        string? system = null;
        var body = section.BodyLines().ToList();
        for (var i = 0; i < body.Count; i++)
        {
            var bullet = HeadingRules.BulletText(body[i]);
            if (bullet is null)
            {
                if (HeadingRules.NextNonBlank(body, i) is { } n && HeadingRules.IsBullet(n))
                {
                    system = body[i].Trim();
                }
                continue;
            }
            var pairs = KeyValueRegex().Matches(bullet);
            if (pairs.Count == 0)
            {
                items.Add(bullet);
                continue;
            }
            if (system is not null)
            {
                fields.Add(new("system", system));
            }
            for (var p = 0; p < pairs.Count; p++)
            {
                var valueStart = pairs[p].Index + pairs[p].Length;
                var valueEnd = p + 1 < pairs.Count ? pairs[p + 1].Index : bullet.Length;
                var name = pairs[p].Groups[1].Value.ToLowerInvariant();
                var value = bullet[valueStart..valueEnd].Trim().TrimEnd(',', ';').Trim();
                fields.Add(new(name, value));
                if (name == "source" && value.Length > 0 && !declared.Contains(value, StringComparer.Ordinal))
                {
                    declared.Add(value);
                }
            }
        }
        return section.Layer(heading.Key, heading.Title, fields: fields, declaredSources: declared, items: items);
    }

    /// <summary>
    /// Key/value pairs from bullets. When every bullet reads "Name: value" (or "Name — value") each bullet is one pair;
    /// otherwise bullets alternate name, value (the seed's layout). A trailing name without value gets an empty value.
    /// </summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> Pairs(IReadOnlyList<string> bullets)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var split = bullets.Select(b => InlinePairRegex().Match(b)).ToList();
        if (split.Count > 0 && split.All(m => m.Success))
        {
            pairs.AddRange(split.Select(m => new KeyValuePair<string, string>(m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim())));
            return pairs;
        }
        for (var i = 0; i < bullets.Count; i += 2)
        {
            pairs.Add(new(bullets[i], i + 1 < bullets.Count ? bullets[i + 1] : string.Empty));
        }
        return pairs;
    }

    private static int NextNonBlankIndex(string[] lines, int index)
    {
        for (var i = index + 1; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The range without leading and trailing blank lines (first &gt; last when it is all blank).</summary>
    private static (int First, int Last) Trim(string[] lines, int first, int last)
    {
        while (first <= last && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }
        while (last >= first && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }
        return (first, last);
    }

    private static string Join(string[] lines, int first, int last) => string.Join('\n', lines, first, last - first + 1);

    private static string FileSource(string path, int first, int last) => $"file:{path}#L{first + 1}-L{last + 1}";

    /// <summary>One section's lines: <see cref="First"/> is the heading.</summary>
    private sealed class Section(string path, string[] lines, int first, int last)
    {
        public int First => first;

        public IEnumerable<string> BodyLines()
        {
            for (var i = first + 1; i <= last; i++)
            {
                if (!string.IsNullOrWhiteSpace(lines[i])) yield return lines[i];
            }
        }

        public IReadOnlyList<string> Bullets() =>
            BodyLines().Select(HeadingRules.BulletText).OfType<string>().Where(b => b.Length > 0).ToList();

        public ProfileLayer Layer(
            string key,
            string title,
            IReadOnlyList<KeyValuePair<string, string>>? fields = null,
            IReadOnlyList<string>? declaredSources = null,
            IReadOnlyList<string>? items = null)
        {
            var (columns, rows) = Table(BodyLines());
            // Bullets that became fields are not repeated as items.
            items ??= fields is { Count: > 0 } ? [] : Bullets();
            return ProfileIdentity.Layer(
                key,
                title,
                Join(lines, first, last),
                [.. declaredSources ?? [], FileSource(path, first, last)],
                items,
                columns,
                rows,
                fields);
        }
    }

    /// <summary>A pipe table: the first row is the header, separator rows (|---|) are dropped.</summary>
    private static (IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) Table(IEnumerable<string> body)
    {
        var tableRows = body.Where(HeadingRules.IsTableRow).Select(Cells).Where(r => !r.All(c => SeparatorCellRegex().IsMatch(c))).ToList();
        return tableRows.Count == 0 ? ([], []) : (tableRows[0], tableRows.Skip(1).ToList());
    }

    private static IReadOnlyList<string> Cells(string row)
    {
        var trimmed = row.Trim();
        trimmed = trimmed[1..];
        if (trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1];
        }
        if (trimmed.Contains('\\'))
        {
            return UnescapedPipeRegex().Split(trimmed).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim()).ToList();
        }
        // No escaped pipe: every '|' splits, and each cell is trimmed straight from the row.
        var cells = new List<string>(trimmed.AsSpan().Count('|') + 1);
        var rest = trimmed.AsSpan();
        while (true)
        {
            var bar = rest.IndexOf('|');
            cells.Add((bar < 0 ? rest : rest[..bar]).Trim().ToString());
            if (bar < 0) return cells;
            rest = rest[(bar + 1)..];
        }
    }

    /// <summary>A code line: upper-case letters, digits, '_' or '-', in at least two dot-separated parts (INFRAS.DEVOPSSIA2C1.P6).</summary>
    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_-]{0,63}(?:\.[A-Z0-9_-]{1,64}){1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"(code|source|system|title|name|version|confidence)=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueRegex();

    [GeneratedRegex(@"^([^:—–]{1,60}?)\s*(?::|\s—|\s–)\s+(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex InlinePairRegex();

    [GeneratedRegex(@"^:?-{1,}:?$")]
    private static partial Regex SeparatorCellRegex();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipeRegex();
}
