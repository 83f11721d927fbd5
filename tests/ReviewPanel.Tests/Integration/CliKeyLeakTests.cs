using System.Text;
using System.Text.Json;
using ReviewPanel.Emulator;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Tests.Cli;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Integration;

/// <summary>The real executable against the emulator: an API key never reaches output or the history file.</summary>
public sealed class CliKeyLeakTests : IDisposable
{
    private const string Key = "rp-secret-7Q2xK9vLw3ZtN8dM";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CopyClean()
    {
        var target = Path.Combine(_dir.Path, "in", "data-platform-p4.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), target);
        return target;
    }

    [Fact]
    public async Task ReviewAndShow_LlmPanelWithDistinctiveKey_KeyAbsentFromOutputAndHistory()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 3, ApiKey = Key });
        server.ConfigureDefault(new DeploymentBehavior { Score = 5 });
        CopyClean();
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Llm__Endpoints__default__Endpoint"] = server.BaseUri.ToString(),
            ["ReviewPanel__Llm__Endpoints__default__Deployment"] = "keycheck",
            ["ReviewPanel__Llm__Endpoints__default__ApiKey"] = Key,
            ["ReviewPanel__Llm__Endpoints__default__Provider"] = "azure-openai",
        };

        var review = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm", "--format", "json");

        Assert.True(review.ExitCode == 0, review.Stderr + review.Stdout);
        // The key was really used: the emulator accepted every request with it.
        Assert.Equal(LlmTestData.ShippedPersonaCount, server.StatusCount(200));
        using (var json = JsonDocument.Parse(review.Stdout))
        {
            Assert.Contains("DATA.DATAPLATENG3B2.P4", json.RootElement.GetRawText(), StringComparison.Ordinal);
        }
        var show = await CliProcess.RunAsync(_dir.Path, env, "show", "DATA.DATAPLATENG3B2.P4", "--format", "json");
        Assert.True(show.ExitCode == 0, show.Stderr + show.Stdout);
        Assert.Contains("llm.practitioner", show.Stdout, StringComparison.Ordinal);

        foreach (var text in new[] { review.Stdout, review.Stderr, show.Stdout, show.Stderr })
        {
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        }
        var dbFiles = Directory.GetFiles(_dir.Path, "history.db*");
        Assert.NotEmpty(dbFiles);
        var needle = Encoding.UTF8.GetBytes(Key);
        foreach (var file in dbFiles)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} contains the key");
        }
        Assert.All(server.Requests, r => Assert.DoesNotContain(Key, r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_EndpointUrlWithCredentials_AtTraceLogging_NeverShowsThem()
    {
        const string UrlSecret = "url-secret-0451";
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 3, ApiKey = Key });
        server.ConfigureDefault(new DeploymentBehavior { Score = 5 });
        CopyClean();
        var withUserInfo = new UriBuilder(server.BaseUri) { UserName = "svc", Password = UrlSecret }.Uri;
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Llm__Endpoints__default__Endpoint"] = withUserInfo.ToString(),
            ["ReviewPanel__Llm__Endpoints__default__Deployment"] = "keycheck",
            ["ReviewPanel__Llm__Endpoints__default__ApiKey"] = Key,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft"] = "Trace",
        };

        var review = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm");

        Assert.True(review.ExitCode == 0, review.Stderr + review.Stdout);
        Assert.DoesNotContain(UrlSecret, review.Stderr + review.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, review.Stderr + review.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_LlmPanelWithoutEndpoint_ExitsTwoWithOneConfigurationErrorLine()
    {
        CopyClean();
        var env = new Dictionary<string, string>
        {
            // Shield the child from any endpoint in the test machine's environment.
            ["AZURE_OPENAI_ENDPOINT"] = "",
            ["AZURE_OPENAI_DEPLOYMENT"] = "",
            ["AZURE_OPENAI_API_KEY"] = "",
        };

        var result = await CliProcess.RunAsync(_dir.Path, env, "review", "in", "--panel", "llm");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("configuration error", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }
}
