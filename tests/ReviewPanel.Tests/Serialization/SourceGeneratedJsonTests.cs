using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Tests.Properties;
using ReviewPanel.Serialization;
using ReviewPanel.Tests.Storage;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Serialization;

/// <summary>
/// The stored contracts' JSON is source-generated now; the hash chain of every history written before covers the
/// bytes the reflection serializer wrote. These pin that both write the same bytes and read each other's.
/// </summary>
public sealed class SourceGeneratedJsonTests
{
    /// <summary>The settings as they were before source generation: the same options, resolved by reflection only.</summary>
    private static readonly JsonSerializerOptions ReflectionOnly = CreateReflectionOnly();

    private static JsonSerializerOptions CreateReflectionOnly()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly();
        return options;
    }

    [Fact]
    public void CanonicalOptions_ResolveTheStoredContractsFromTheGeneratedContext()
    {
        var info = ReviewPanelJson.Canonical.GetTypeInfo(typeof(ProfileReport));
        Assert.Same(ReviewPanelJsonContext.Default, info.OriginatingResolver);
    }

    [Fact]
    public async Task ReportsOfEveryFixture_SerializeToTheBytesTheReflectionSerializerWrote()
    {
        var panel = TestHost.OfflinePanel();
        var importer = new ProfileImporter();
        var files = PanelNeverMoreLenientTests.FixtureProfiles;
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var imported = importer.Import(file);
            Assert.True(imported.IsSuccess, file);
            var report = await panel.ReviewAsync("run-json", imported.Profile, CancellationToken.None);

            var generated = JsonSerializer.Serialize(report, ReviewPanelJson.Canonical);
            var reflected = JsonSerializer.Serialize(report, ReflectionOnly);
            Assert.Equal(reflected, generated);
            Assert.Equal(reflected, JsonSerializer.Serialize(JsonSerializer.Deserialize<ProfileReport>(reflected, ReviewPanelJson.Canonical), ReflectionOnly));
        }
    }

    [Fact]
    public void ARichStoredReport_RoundTripsByteForByteAcrossBothSerializers()
    {
        var report = ReportFactory.Report("run-1", "DATA.ENG.P4", "v1", lowScore: 2, source: "drafts/ünïcode “quoted” <tag>.txt");
        var reflected = JsonSerializer.Serialize(report, ReflectionOnly);
        Assert.Equal(reflected, JsonSerializer.Serialize(report, ReviewPanelJson.Canonical));
        var back = JsonSerializer.Deserialize<ProfileReport>(reflected, ReviewPanelJson.Canonical)!;
        Assert.Equal(reflected, JsonSerializer.Serialize(back, ReviewPanelJson.Canonical));
    }
}
