using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Heuristics;

/// <summary>The test builder must give the seed the layers the importer gives it, or the reviewer tests mean little.</summary>
public sealed class TestProfilesTests
{
    [Fact]
    public void Seed_HasTheImportersLayersAndStructure()
    {
        var profile = TestProfiles.Seed();

        Assert.Equal(
            [LayerKeys.Title, LayerKeys.Code, LayerKeys.Summary, LayerKeys.Focus, LayerKeys.Responsibilities, LayerKeys.LevelGuidelines,
             LayerKeys.Skills, LayerKeys.Provenance, LayerKeys.Level, LayerKeys.AdjacentRoles, LayerKeys.TitleAliases, LayerKeys.Classification],
            profile.Layers.Select(l => l.Key));
        Assert.Equal("P6", profile.Level);
        Assert.Equal(30, profile.Layer(LayerKeys.Responsibilities)!.Items.Count);
        var table = profile.Layer(LayerKeys.LevelGuidelines)!;
        Assert.Equal(5, table.Columns.Count);
        Assert.Equal("Typical Degree & Years", table.Columns[^1]);
        Assert.Equal(["P2", "P3", "P4", "P5", "P6", "P7"], table.Rows.Select(r => r[0]));
        Assert.All(table.Rows, r => Assert.Equal(5, r.Count));
        Assert.Equal(10, profile.Layer(LayerKeys.Skills)!.Fields.Count);
        var level = profile.Layer(LayerKeys.Level)!.Fields;
        Assert.Equal(["Level", "Name", "Summary", "Scope"], level.Take(4).Select(f => f.Key));
        Assert.Equal("P6", level[0].Value);
        Assert.Equal("12–18 yrs", level.Single(f => f.Key == "Typical experience").Value);
        Assert.Equal(
            [KeyValuePair.Create("system", "O*NET / SOC"), KeyValuePair.Create("code", "15-1244"), KeyValuePair.Create("source", "jfm-factory.resolve")],
            profile.Layer(LayerKeys.Classification)!.Fields);
        Assert.StartsWith("Focus — DevOps", profile.Layer(LayerKeys.Focus)!.Text, StringComparison.Ordinal);
        Assert.Empty(profile.Layer(LayerKeys.AdjacentRoles)!.Items);
    }
}
