using System.Text.Json;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>The command line end to end, in a child process, on a temp folder of good and bad files.</summary>
public sealed class ReviewCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Copy(string fixture, string? name = null)
    {
        var target = Path.Combine(_dir.Path, "in", name ?? fixture);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(RepoFiles.Path("fixtures", "profiles", fixture), target);
        return target;
    }

    [Fact]
    public async Task Review_AllClean_ExitsZeroAndPrintsTheTable()
    {
        Copy("data-platform-p4.txt");
        Copy("devops-sre-p6-deduplicated.txt");

        var result = await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("DATA.DATAPLATENG3B2.P4", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 passed, 0 failed, 0 errored", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OneFailing_ExitsOne()
    {
        Copy("data-platform-p4.txt");
        Copy("devops-sre-p6.txt");

        var result = await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("consistency", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_BadFilesAmongGood_ExitsTwoNamesEachBadFileAndFinishesTheBatch()
    {
        Copy("data-platform-p4.txt");
        Copy("devops-sre-p6.txt");
        _dir.Write("in/empty.txt", "");
        _dir.WriteBytes("in/binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02]);
        _dir.Write("in/broken.json", """{"schemaVersion": 1, "title": "x", "layers": [{"key": "focus"}]}""");

        var result = await CliProcess.RunAsync(_dir.Path, null, "review", "in", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.StartsWith("run-", root.GetProperty("runId").GetString(), StringComparison.Ordinal);
        var profiles = root.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal(5, profiles.Count);
        foreach (var p in profiles)
        {
            foreach (var field in new[] { "source", "profileId", "verdict", "minimum", "scores", "failing", "error" })
            {
                Assert.True(p.TryGetProperty(field, out _), $"missing {field}");
            }
        }
        var bySource = profiles.ToDictionary(p => Path.GetFileName(p.GetProperty("source").GetString()!));
        Assert.Equal("pass", bySource["data-platform-p4.txt"].GetProperty("verdict").GetString());
        Assert.Equal("fail", bySource["devops-sre-p6.txt"].GetProperty("verdict").GetString());
        Assert.Equal(["consistency"], bySource["devops-sre-p6.txt"].GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Number, bySource["devops-sre-p6.txt"].GetProperty("scores").GetProperty("consistency").ValueKind);
        Assert.Equal(JsonValueKind.Null, bySource["devops-sre-p6.txt"].GetProperty("scores").GetProperty("accuracy").ValueKind);
        foreach (var bad in new[] { "empty.txt", "binary.txt", "broken.json" })
        {
            Assert.Equal("error", bySource[bad].GetProperty("verdict").GetString());
            Assert.False(string.IsNullOrEmpty(bySource[bad].GetProperty("error").GetString()));
            Assert.Contains(bad, result.Stderr, StringComparison.Ordinal);
        }
        Assert.Contains("/layers/0", bySource["broken.json"].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_JUnitAndOut_WritesReportsCiCanRead()
    {
        Copy("devops-sre-p6.txt");
        Copy("data-platform-p4.txt");

        var result = await CliProcess.RunAsync(_dir.Path, null, "review", "in", "--format", "junit", "--out", "out");

        Assert.Equal(1, result.ExitCode);
        var junit = System.Xml.Linq.XDocument.Parse(result.Stdout);
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(2, cases.Count);
        var failure = Assert.Single(junit.Descendants("failure"));
        Assert.Contains("consistency", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains("Focuses on the reliability", failure.Value, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "out", "review.json")));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "out", "junit.xml")));
        Assert.Contains("Focuses on the reliability", File.ReadAllText(Path.Combine(_dir.Path, "out", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_IntactHistory_ExitsZero_TamperedScore_ExitsOneNamingTheRecord()
    {
        Copy("devops-sre-p6.txt");
        Copy("data-platform-p4.txt");
        await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        var intact = await CliProcess.RunAsync(_dir.Path, null, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Stdout + intact.Stderr);
        Assert.Contains("history intact: 2 records", intact.Stdout, StringComparison.Ordinal);

        var db = Path.Combine(_dir.Path, "history.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            var triggers = new List<string>();
            using (var reader = drop.ExecuteReader())
            {
                while (reader.Read())
                {
                    triggers.Add(reader.GetString(0));
                }
            }
            foreach (var t in triggers)
            {
                using var d = connection.CreateCommand();
                d.CommandText = $"DROP TRIGGER \"{t}\"";
                d.ExecuteNonQuery();
            }
            using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE scores SET score = 5 WHERE score < 4";
            Assert.True(tamper.ExecuteNonQuery() > 0);
        }

        var broken = await CliProcess.RunAsync(_dir.Path, null, "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("history BROKEN at record", broken.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Latest_WritesASelfContainedHtmlFile()
    {
        Copy("devops-sre-p6.txt");
        await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        var result = await CliProcess.RunAsync(_dir.Path, null, "report", "--latest", "--format", "html", "--out", "r/report.html");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var html = File.ReadAllText(Path.Combine(_dir.Path, "r", "report.html"));
        Assert.Contains("INFRAS.DEVOPSSIA2C1.P6", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HistoryAndShow_AfterTwoRuns_ListNewestFirstWithProvenance()
    {
        var file = Copy("devops-sre-p6.txt");
        await CliProcess.RunAsync(_dir.Path, null, "review", "in");
        File.WriteAllText(file, File.ReadAllText(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6-deduplicated.txt")));
        await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        var history = await CliProcess.RunAsync(_dir.Path, null, "history", "INFRAS.DEVOPSSIA2C1.P6", "--format", "json");
        var show = await CliProcess.RunAsync(_dir.Path, null, "show", "INFRAS.DEVOPSSIA2C1.P6", "--format", "json");

        Assert.Equal(0, history.ExitCode);
        using var h = JsonDocument.Parse(history.Stdout);
        var runs = h.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["pass", "fail"], runs);
        Assert.Equal(0, show.ExitCode);
        using var s = JsonDocument.Parse(show.Stdout);
        Assert.Equal("pass", s.RootElement.GetProperty("verdict").GetProperty("outcome").GetString());
        var layers = s.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Contains(layers, l => l.GetProperty("key").GetString() == "classification"
            && l.GetProperty("sources").EnumerateArray().Any(x => x.GetString() == "jfm-factory.resolve"));
        Assert.All(layers, l => Assert.Equal(64, l.GetProperty("sha256").GetString()!.Length));
    }

    [Fact]
    public async Task History_UnknownProfile_ExitsTwoWithAClearMessage()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "history", "NO.SUCH.PROFILE");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no history for profile 'NO.SUCH.PROFILE'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_NoProfilesFound_ExitsTwo()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "empty"));

        var result = await CliProcess.RunAsync(_dir.Path, null, "review", "empty");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no profile files", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_BadConfiguration_IsOneClearLineAndExitTwo()
    {
        Copy("data-platform-p4.txt");

        var result = await CliProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["ReviewPanel__Gate__PassThreshold"] = "9" }, "review", "in");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
