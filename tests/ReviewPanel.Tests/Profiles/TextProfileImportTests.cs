using ReviewPanel.Hashing;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Profiles;

public sealed class TextProfileImportTests
{
    private static readonly string SeedPath = RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt");

    private static readonly Lazy<RoleProfile> LazySeed = new(() =>
    {
        var result = new ProfileImporter().Import(SeedPath);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Profile;
    });

    private static RoleProfile Seed => LazySeed.Value;

    private static string[] SeedLines => File.ReadAllText(SeedPath).Split('\n');

    private static ProfileLayer Layer(string key) => Seed.Layer(key) ?? throw new Xunit.Sdk.XunitException($"no layer {key}");

    /// <summary>Lines first..last (1-based, inclusive) of the seed joined by LF: the verbatim text a layer must have.</summary>
    private static string SeedText(int first, int last) => string.Join('\n', SeedLines[(first - 1)..last]);

    [Fact]
    public void Import_Seed_ReadsTitleCodeLevelIdAndFormat()
    {
        Assert.Equal("DevOps & Site Reliability Engineering — P6", Seed.Title);
        Assert.Equal("INFRAS.DEVOPSSIA2C1.P6", Seed.Code);
        Assert.Equal("P6", Seed.Level);
        Assert.Equal("INFRAS.DEVOPSSIA2C1.P6", Seed.Id);
        Assert.Equal("text", Seed.Format);
        Assert.Equal(SeedPath, Seed.Source);
    }

    [Fact]
    public void Import_Seed_ProducesEveryKnownLayerInPageOrder()
    {
        string[] expected =
        [
            LayerKeys.Title, LayerKeys.Code, LayerKeys.Summary, LayerKeys.Focus, LayerKeys.Responsibilities,
            LayerKeys.LevelGuidelines, LayerKeys.Skills, LayerKeys.Provenance, LayerKeys.Level, LayerKeys.AdjacentRoles,
            LayerKeys.TitleAliases, LayerKeys.Classification,
        ];
        Assert.Equal(expected, Seed.Layers.Select(l => l.Key));
        Assert.All(Seed.Layers, l => Assert.False(l.IsUnknown));
    }

    [Theory]
    [InlineData(LayerKeys.Title, 1, 1)]
    [InlineData(LayerKeys.Code, 2, 2)]
    [InlineData(LayerKeys.Summary, 3, 4)]
    [InlineData(LayerKeys.Focus, 5, 7)]
    [InlineData(LayerKeys.Responsibilities, 8, 39)]
    [InlineData(LayerKeys.LevelGuidelines, 40, 49)]
    [InlineData(LayerKeys.Skills, 50, 71)]
    [InlineData(LayerKeys.Provenance, 72, 73)]
    [InlineData(LayerKeys.Level, 74, 89)]
    [InlineData(LayerKeys.AdjacentRoles, 90, 91)]
    [InlineData(LayerKeys.TitleAliases, 92, 93)]
    [InlineData(LayerKeys.Classification, 94, 96)]
    public void Import_Seed_LayerTextIsItsLinesVerbatimWithHeadingAndFileSource(string key, int first, int last)
    {
        var layer = Layer(key);
        Assert.Equal(SeedText(first, last), layer.Text);
        Assert.Contains($"file:{SeedPath}#L{first}-L{last}", layer.Sources);
        Assert.Equal(Sha256Text.Of(TextNormalizer.Normalize(layer.Text)), layer.Sha256);
    }

    [Fact]
    public void Import_Seed_SummaryKeepsTheRepeatedFocusParagraph()
    {
        var summary = Layer(LayerKeys.Summary);
        Assert.Equal(2, summary.Text.Split('\n').Length);
        Assert.StartsWith("Focuses on the reliability, availability", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Seed_FocusRunsFromItsHeadingToTheDifferentialLine()
    {
        var focus = Layer(LayerKeys.Focus);
        Assert.Equal("Focus — DevOps & Site Reliability Engineering", focus.Title);
        Assert.StartsWith("Focus — DevOps & Site Reliability Engineering\n", focus.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nMaterial SKILL differential vs the function baseline.", focus.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Seed_ResponsibilitiesAreThe30BulletsInOrder()
    {
        var layer = Layer(LayerKeys.Responsibilities);
        Assert.Equal("Responsibilities by level", layer.Title);
        Assert.Equal(30, layer.Items.Count);
        Assert.Equal("Performs basic troubleshooting and documents existing systems, monitoring solutions, and runbooks under guidance.", layer.Items[0]);
        Assert.Equal("Shapes company-wide reliability capability through thought leadership, publications, and high-level mentorship of senior professionals.", layer.Items[^1]);
        Assert.All(layer.Items, i => Assert.False(i.StartsWith('-')));
        // The descriptive line stays in the text but is not an item.
        Assert.Contains("What this person actually does at each level", layer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(layer.Items, i => i.StartsWith("What this person", StringComparison.Ordinal));
        Assert.Equal(SeedLines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Take(30).Select(l => l[2..]), layer.Items);
    }

    [Fact]
    public void Import_Seed_LevelGuidelinesIsA6By5TableWithoutTheSeparatorRow()
    {
        var layer = Layer(LayerKeys.LevelGuidelines);
        Assert.Equal("Level guidelines", layer.Title);
        Assert.Equal(
            ["Level", "Knowledge & Application", "Complexity & Problem Solving", "Collaboration & Interaction", "Typical Degree & Years"],
            layer.Columns);
        Assert.Equal(["P2", "P3", "P4", "P5", "P6", "P7"], layer.Rows.Select(r => r[0]));
        Assert.All(layer.Rows, r => Assert.Equal(5, r.Count));
        Assert.DoesNotContain(layer.Rows, r => r.Any(c => c.StartsWith("---", StringComparison.Ordinal)));
        Assert.Equal("15+ years as a principal reliability expert; often PhD plus industry leadership.", layer.Rows[4][4]);
        Assert.StartsWith("Applies foundational knowledge of Linux/Unix administration", layer.Rows[0][1], StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Seed_SkillsAreTenNameDescriptionPairs()
    {
        var layer = Layer(LayerKeys.Skills);
        Assert.Equal(10, layer.Fields.Count);
        Assert.Equal(
            ["Programming/Scripting", "Linux/Unix Systems", "Cloud Platforms", "Container Orchestration", "Infrastructure as Code",
             "Monitoring and Observability", "CI/CD Pipelines", "Incident Management", "SLI/SLO/Error Budgets", "Automation/Toil Reduction"],
            layer.Fields.Select(f => f.Key));
        Assert.Equal("Expertise in operating and provisioning services on AWS, Google Cloud Platform, or Azure.", layer.Fields[2].Value);
        Assert.StartsWith("Reduces toil and enforces consistency", layer.Fields[9].Value, StringComparison.Ordinal);
        Assert.Empty(layer.Items);
    }

    [Fact]
    public void Import_Seed_ProvenanceIsTheHeadingAndItsStatement()
    {
        var layer = Layer(LayerKeys.Provenance);
        Assert.Equal("Provenance", layer.Title);
        Assert.Equal(
            "Provenance\nThe evidence base behind this profile — every layer is sourced; quality is scored by an adversarial review panel (1–5; passes at ≥4 on the minimum dimension).",
            layer.Text);
    }

    [Fact]
    public void Import_Seed_LevelBlockHasLevelNameSummaryAndTheEightPairs()
    {
        var layer = Layer(LayerKeys.Level);
        Assert.Equal("Level — P6 — Principal Professional", layer.Title);
        KeyValuePair<string, string>[] expected =
        [
            new("Level", "P6"),
            new("Name", "Principal Professional"),
            new("Summary", "Top individual contributor; recognized authority with strategic impact, equivalent to a low executive level"),
            new("Scope", "Organization-wide architecture and the hardest problems"),
            new("Autonomy", "Defines direction; minimal oversight"),
            new("Complexity", "Strategic, open-ended problems shaping the technical future"),
            new("Impact", "Organization-wide"),
            new("Decision rights", "Sets technical strategy for a major area"),
            new("Leadership", "Recognized authority; multiplies many teams"),
            new("Typical experience", "12–18 yrs"),
        ];
        Assert.Equal(expected, layer.Fields);
    }

    [Fact]
    public void Import_Seed_AdjacentRolesAndAliasesKeepTheirTextAndHaveNoBulletItems()
    {
        var adjacent = Layer(LayerKeys.AdjacentRoles);
        Assert.Equal("Adjacent roles", adjacent.Title);
        Assert.StartsWith("Adjacent roles\nNearest roles by structural coordinates", adjacent.Text, StringComparison.Ordinal);
        Assert.Empty(adjacent.Items);

        var aliases = Layer(LayerKeys.TitleAliases);
        Assert.Equal("Title aliases", aliases.Title);
        Assert.Equal("Title aliasesshow ▾\nNo title aliases recorded for this profile yet.", aliases.Text);
        Assert.Empty(aliases.Items);
    }

    [Fact]
    public void Import_Seed_ClassificationHasSystemCodeAndDeclaredSource()
    {
        var layer = Layer(LayerKeys.Classification);
        Assert.Equal("Classification mappings", layer.Title);
        KeyValuePair<string, string>[] expected = [new("system", "O*NET / SOC"), new("code", "15-1244"), new("source", "jfm-factory.resolve")];
        Assert.Equal(expected, layer.Fields);
        Assert.Equal(["jfm-factory.resolve", $"file:{SeedPath}#L94-L96"], layer.Sources);
    }

    [Fact]
    public void Import_Seed_VersionHashCoversEveryLayerKeyAndHash()
    {
        var expected = Sha256Text.Of(string.Concat(Seed.Layers.Select(l => $"{l.Key}\n{l.Sha256}\n")));
        Assert.Equal(expected, Seed.VersionHash);
    }

    [Fact]
    public void Import_CrlfAndBom_GivesTheSameLayersAsLf()
    {
        using var temp = new TempFolder();
        var original = File.ReadAllText(SeedPath);
        var crlf = temp.WriteBytes("crlf.txt", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(original.Replace("\n", "\r\n", StringComparison.Ordinal))]);

        var result = new ProfileImporter().Import(crlf);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(Seed.VersionHash, result.Profile.VersionHash);
        Assert.Equal(Seed.Title, result.Profile.Title);
        Assert.DoesNotContain(result.Profile.Layers, l => l.Text.Contains('\r', StringComparison.Ordinal));
        Assert.Equal(Seed.Layers.Select(l => l.Text), result.Profile.Layers.Select(l => l.Text));
    }
}
