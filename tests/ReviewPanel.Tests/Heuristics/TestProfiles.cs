using System.Text.RegularExpressions;
using ReviewPanel.Hashing;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

/// <summary>
/// Builds <see cref="RoleProfile"/>s for the heuristic tests the way the importer fills layers for a page in the
/// seed's format: title (line 1), code (line 2), summary (lines before the first heading), then one layer per known
/// heading; every layer's text is its lines verbatim, heading included. <c>## Heading</c> starts an unknown layer.
/// </summary>
internal static partial class TestProfiles
{
    private static readonly (Regex Heading, string Key)[] Sections =
    [
        (new(@"^Focus\s+[—–-]\s"), LayerKeys.Focus),
        (new(@"^Responsibilities by level$"), LayerKeys.Responsibilities),
        (new(@"^Level guidelines$"), LayerKeys.LevelGuidelines),
        (new(@"^Skills$"), LayerKeys.Skills),
        (new(@"^Provenance$"), LayerKeys.Provenance),
        (new(@"^Level\s+[—–-]\s"), LayerKeys.Level),
        (new(@"^Adjacent roles$"), LayerKeys.AdjacentRoles),
        (new(@"^Title aliases"), LayerKeys.TitleAliases),
        (new(@"^Classification mappings"), LayerKeys.Classification),
        (new(@"^## "), LayerKeys.UnknownPrefix),
    ];

    /// <summary>The seed page as the importer would give it.</summary>
    public static RoleProfile Seed() => FromPage(SeedPage.Text);

    /// <summary>The seed page after a text edit (the edit must change it, so a test cannot silently test the seed).</summary>
    public static RoleProfile SeedWith(Func<string, string> edit)
    {
        var edited = edit(SeedPage.Text);
        Assert.NotEqual(SeedPage.Text, edited);
        return FromPage(edited);
    }

    public static RoleProfile FromPage(string page)
    {
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var layers = new List<ProfileLayer>
        {
            Layer(LayerKeys.Title, "Title", lines[0]),
            Layer(LayerKeys.Code, "Code", lines[1]),
        };

        var sections = new List<(string Key, List<string> Lines)> { (LayerKeys.Summary, []) };
        foreach (var line in lines.Skip(2))
        {
            var key = Sections.FirstOrDefault(s => s.Heading.IsMatch(line)).Key;
            if (key is null) sections[^1].Lines.Add(line);
            else sections.Add((key == LayerKeys.UnknownPrefix ? key + Slug(line) : key, [line]));
        }
        layers.AddRange(sections.Where(s => s.Lines.Count > 0).Select(s => Build(s.Key, s.Lines)));

        var code = lines[1].Trim();
        return FromLayers(layers) with
        {
            Id = code,
            Title = lines[0].Trim(),
            Code = code,
            Level = CodeLevel().Match(code) is { Success: true } m ? m.Groups[1].Value : null,
        };
    }

    public static RoleProfile FromLayers(IEnumerable<ProfileLayer> layers)
    {
        var list = layers.ToList();
        return new RoleProfile
        {
            Id = "test",
            Title = list.FirstOrDefault(l => l.Key == LayerKeys.Title)?.Text ?? "test",
            VersionHash = Sha256Text.Of(string.Join("\n", list.Select(l => $"{l.Key}:{l.Sha256}"))),
            Source = "seeds/devops-sre-p6.txt",
            Format = "text",
            Layers = list,
        };
    }

    /// <summary>The profile with <paramref name="layer"/> in place of the layer of the same key (added when absent).</summary>
    public static RoleProfile With(this RoleProfile profile, ProfileLayer layer)
    {
        var layers = profile.Layers.ToList();
        var index = layers.FindIndex(l => l.Key == layer.Key);
        if (index >= 0) layers[index] = layer;
        else layers.Add(layer);
        return profile with { Layers = layers };
    }

    public static RoleProfile Without(this RoleProfile profile, string key) =>
        profile with { Layers = profile.Layers.Where(l => l.Key != key).ToList() };

    /// <summary>A layer as the importer makes it: text verbatim, hash of the normalized text.</summary>
    public static ProfileLayer Layer(string key, string title, string text) => new()
    {
        Key = key,
        Title = title,
        Text = text,
        Sha256 = Sha256Text.Of(TextNormalizer.Normalize(text)),
        IsUnknown = key.StartsWith(LayerKeys.UnknownPrefix, StringComparison.Ordinal),
    };

    private static ProfileLayer Build(string key, List<string> lines)
    {
        while (lines.Count > 1 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        var heading = key == LayerKeys.Summary ? "Summary" : ShowToggle().Replace(lines[0], "").Trim();
        var layer = Layer(key, heading, string.Join("\n", lines));
        var body = key == LayerKeys.Summary ? lines : lines.Skip(1).ToList();
        var bullets = body.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
        return key switch
        {
            LayerKeys.Responsibilities or LayerKeys.AdjacentRoles or LayerKeys.TitleAliases => layer with { Items = bullets },
            LayerKeys.Skills => layer with { Fields = Pairs(bullets) },
            LayerKeys.LevelGuidelines => Table(layer, body),
            LayerKeys.Level => layer with { Fields = LevelFields(lines[0], body, bullets) },
            LayerKeys.Classification => layer with { Fields = ClassificationFields(body) },
            _ => layer,
        };
    }

    private static ProfileLayer Table(ProfileLayer layer, List<string> body)
    {
        var rows = body.Where(l => l.TrimStart().StartsWith('|')).Select(Cells)
            .Where(cells => !cells.All(c => SeparatorCell().IsMatch(c))).ToList();
        return rows.Count == 0 ? layer : layer with { Columns = rows[0], Rows = rows.Skip(1).ToList() };
    }

    private static List<string> Cells(string line)
    {
        var cells = line.Trim().Split('|').Select(c => c.Trim()).ToList();
        return cells.Count >= 2 ? cells[1..^1] : cells;
    }

    private static List<KeyValuePair<string, string>> Pairs(List<string> bullets) =>
        bullets.Chunk(2).Where(p => p.Length == 2).Select(p => KeyValuePair.Create(p[0], p[1])).ToList();

    /// <summary>"Level — P6 — Principal Professional", a summary line, then name/value bullet pairs.</summary>
    private static List<KeyValuePair<string, string>> LevelFields(string heading, List<string> body, List<string> bullets)
    {
        var parts = heading.Split('—', StringSplitOptions.TrimEntries);
        var fields = new List<KeyValuePair<string, string>>();
        if (parts.Length > 1) fields.Add(KeyValuePair.Create("Level", parts[1]));
        if (parts.Length > 2) fields.Add(KeyValuePair.Create("Name", parts[2]));
        var summary = body.FirstOrDefault(l => l.Length > 0 && !l.StartsWith("- ", StringComparison.Ordinal));
        if (summary is not null) fields.Add(KeyValuePair.Create("Summary", summary.Trim()));
        fields.AddRange(Pairs(bullets));
        return fields;
    }

    /// <summary>"O*NET / SOC" is the system; "- code=15-1244source=jfm-factory.resolve" holds glued key=value pairs.</summary>
    private static List<KeyValuePair<string, string>> ClassificationFields(List<string> body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in body.Where(l => l.Trim().Length > 0))
        {
            if (!line.StartsWith("- ", StringComparison.Ordinal))
            {
                fields.Add(KeyValuePair.Create("system", line.Trim()));
                continue;
            }
            var keys = KeyValueKey().Matches(line).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                var start = keys[i].Index + keys[i].Length;
                var end = i + 1 < keys.Count ? keys[i + 1].Index : line.Length;
                fields.Add(KeyValuePair.Create(keys[i].Groups[1].Value, line[start..end].Trim()));
            }
        }
        return fields;
    }

    private static string Slug(string heading) =>
        NonSlug().Replace(heading.TrimStart('#', ' ').ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"\.([A-Z]\d{1,2})$")]
    private static partial Regex CodeLevel();

    [GeneratedRegex(@"show\s*▾\s*$")]
    private static partial Regex ShowToggle();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex SeparatorCell();

    [GeneratedRegex(@"([a-z]+)=")]
    private static partial Regex KeyValueKey();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
