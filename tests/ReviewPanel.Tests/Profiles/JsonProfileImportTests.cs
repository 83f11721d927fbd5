using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Profiles;

public sealed class JsonProfileImportTests
{
    private static readonly string SeedText = RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt");
    private static readonly string SeedJson = RepoFiles.Path("fixtures", "formats", "devops-sre-p6.json");

    private static RoleProfile ImportOk(string path)
    {
        var result = new ProfileImporter().Import(path);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Profile;
    }

    private static JsonObject SeedJsonObject() => JsonNode.Parse(File.ReadAllText(SeedJson))!.AsObject();

    private static ImportError ImportJsonError(TempFolder temp, string json)
    {
        var result = new ProfileImporter().Import(temp.Write("profile.json", json));
        Assert.False(result.IsSuccess);
        Assert.DoesNotContain('\n', result.Error.Reason);
        return result.Error;
    }

    [Fact]
    public void Import_SeedAsJson_GivesTheSameLayerKeysHashesAndVersionAsTheText()
    {
        var text = ImportOk(SeedText);
        var json = ImportOk(SeedJson);

        Assert.Equal("json", json.Format);
        Assert.Equal(text.Layers.Select(l => l.Key), json.Layers.Select(l => l.Key));
        Assert.Equal(text.Layers.Select(l => l.Sha256), json.Layers.Select(l => l.Sha256));
        Assert.Equal(text.VersionHash, json.VersionHash);
        Assert.Equal(text.Id, json.Id);
        Assert.Equal(text.Title, json.Title);
        Assert.Equal(text.Code, json.Code);
        Assert.Equal(text.Level, json.Level);
    }

    [Fact]
    public void Import_SeedAsJson_KeepsStructuredContentAndAddsWhereEachLayerWasRead()
    {
        var text = ImportOk(SeedText);
        var json = ImportOk(SeedJson);

        foreach (var key in new[] { LayerKeys.Responsibilities, LayerKeys.LevelGuidelines, LayerKeys.Skills, LayerKeys.Level, LayerKeys.Classification })
        {
            var (t, j) = (text.Layer(key)!, json.Layer(key)!);
            Assert.Equal(t.Items, j.Items);
            Assert.Equal(t.Columns, j.Columns);
            Assert.Equal(t.Rows, j.Rows);
            Assert.Equal(t.Fields, j.Fields);
        }
        Assert.Equal(["jfm-factory.resolve", $"file:{SeedJson}#/layers/11"], json.Layer(LayerKeys.Classification)!.Sources);
    }

    [Fact]
    public void Import_JsonWithoutIdLevelOrTitleLayer_DerivesThemAsForText()
    {
        using var temp = new TempFolder();
        var doc = SeedJsonObject();
        doc.Remove("id");
        doc.Remove("level");
        var layers = doc["layers"]!.AsArray();
        layers.RemoveAt(0); // the title layer

        var result = new ProfileImporter().Import(temp.Write("seed.json", doc.ToJsonString()));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var profile = result.Profile;
        Assert.Equal("INFRAS.DEVOPSSIA2C1.P6", profile.Id);
        Assert.Equal("P6", profile.Level);
        Assert.Equal(ImportOk(SeedText).VersionHash, profile.VersionHash);
        Assert.Equal(LayerKeys.Title, profile.Layers[0].Key);
    }

    [Fact]
    public void Import_JsonWithHashes_IsRejectedNotTrusted()
    {
        using var temp = new TempFolder();
        var doc = SeedJsonObject();
        doc["layers"]![0]!["sha256"] = new string('0', 64);

        var error = ImportJsonError(temp, doc.ToJsonString());

        Assert.Equal(ImportErrorKind.SchemaViolation, error.Kind);
        Assert.StartsWith("breaks the profile schema at /layers/0/sha256:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_JsonLayerWithoutText_NamesTheLayer()
    {
        using var temp = new TempFolder();
        var doc = SeedJsonObject();
        doc["layers"]![3]!.AsObject().Remove("text");

        var error = ImportJsonError(temp, doc.ToJsonString());

        Assert.Equal(ImportErrorKind.SchemaViolation, error.Kind);
        Assert.StartsWith("breaks the profile schema at /layers/3:", error.Reason, StringComparison.Ordinal);
        Assert.Contains("text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_JsonWithWrongSchemaVersion_NamesTheField()
    {
        using var temp = new TempFolder();
        var doc = SeedJsonObject();
        doc["schemaVersion"] = 2;

        var error = ImportJsonError(temp, doc.ToJsonString());

        Assert.StartsWith("breaks the profile schema at /schemaVersion:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_JsonThatDoesNotParse_ReportsInvalidJson()
    {
        using var temp = new TempFolder();
        var error = ImportJsonError(temp, "{ \"schemaVersion\": 1,\n \"title\": ");
        Assert.Equal(ImportErrorKind.InvalidJson, error.Kind);
        Assert.StartsWith("invalid JSON:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_JsonWithDuplicateProperty_ReportsInvalidJson()
    {
        using var temp = new TempFolder();
        var error = ImportJsonError(temp, """{ "schemaVersion": 1, "title": "A", "title": "B", "layers": [] }""");
        Assert.Equal(ImportErrorKind.InvalidJson, error.Kind);
    }

    [Fact]
    public void Import_JsonWithUnknownLayerKey_KeepsItAsUnknownLayer()
    {
        using var temp = new TempFolder();
        var doc = SeedJsonObject();
        doc["layers"]!.AsArray().Add(new JsonObject { ["key"] = "unknown:certifications", ["text"] = "Certifications\n- CKA" });
        doc["layers"]!.AsArray().Add(new JsonObject { ["key"] = "salary-bands", ["text"] = "Salary bands\n- C" });

        var result = new ProfileImporter().Import(temp.Write("seed.json", doc.ToJsonString()));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True(result.Profile.Layer("unknown:certifications")!.IsUnknown);
        Assert.True(result.Profile.Layer("salary-bands")!.IsUnknown);
        Assert.False(result.Profile.Layer(LayerKeys.Skills)!.IsUnknown);
    }

    [Fact]
    public void SchemaFixture_IsTheSchemaEmbeddedInCore()
    {
        var file = File.ReadAllText(RepoFiles.Path("fixtures", "schema", "profile.schema.json"));
        Assert.Equal(file, ProfileSchema.Text);
        using var doc = JsonDocument.Parse(file);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
    }
}
