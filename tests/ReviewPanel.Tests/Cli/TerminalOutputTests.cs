using System.Text.Json;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>What a person reads in a terminal (or a CI log): the fitted table, --only-failing, help, show's explanations, repairs.</summary>
public sealed class TerminalOutputTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public TerminalOutputTests()
    {
        foreach (var fixture in new[] { "data-platform-p4.txt", "devops-sre-p6.txt" })
        {
            Directory.CreateDirectory(Path.Combine(_dir.Path, "in"));
            File.Copy(RepoFiles.Path("fixtures", "profiles", fixture), Path.Combine(_dir.Path, "in", fixture));
        }
    }

    public void Dispose() => _dir.Dispose();

    private Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string>? env, params string[] args) => CliProcess.RunAsync(_dir.Path, env, args);

    [Fact]
    public async Task Review_RecordsTheCommandLineWithItsVerbOnce()
    {
        await RunAsync(null, "review", "in");
        var report = await RunAsync(null, "report", "--latest", "--format", "json", "--out", "r.json");

        Assert.True(report.ExitCode == 0, report.Stderr);
        var json = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "r.json"));
        Assert.Contains("\"review in\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("review review", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewHelp_NamesReportHtmlAndThePanelChoicesInLowercase()
    {
        var help = await RunAsync(null, "review", "--help");

        Assert.Contains("report.html", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--panel <offline|llm|all>", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Offline", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--only-failing", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--repairs", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OnlyFailing_ListsTheFailingProfileButCountsAll()
    {
        var result = await RunAsync(null, "review", "in", "--only-failing", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var profiles = json.RootElement.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal("fail", Assert.Single(profiles).GetProperty("verdict").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("counts").GetProperty("pass").GetInt32());

        var table = await RunAsync(null, "review", "in", "--only-failing");
        Assert.DoesNotContain("DATA.DATAPLATENG3B2.P4", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed, 0 errored of 2", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("(1 passing not shown)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_WideTable_DropsDimensionsNoReviewerJudged()
    {
        var result = await RunAsync(null, "review", "in");

        Assert.Contains("│ cons │", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" acc ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" dist ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("not judged by this panel: accuracy, distinctiveness", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_At80Columns_StacksOneBlockPerProfileWithWholeIdsAndNoLineOver80()
    {
        var result = await RunAsync(new Dictionary<string, string> { ["COLUMNS"] = "80" }, "review", "in");

        Assert.DoesNotContain("│", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("INFRAS.DEVOPSSIA2C1.P6\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  fail min 2 · level 5 spec 4 cons 2! evid 4 fair 5", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  failing: consistency", result.Stdout, StringComparison.Ordinal);
        Assert.All(result.Stdout.ReplaceLineEndings("\n").Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public async Task Review_At90Columns_ShortensLongIdsWithALegend()
    {
        var result = await RunAsync(new Dictionary<string, string> { ["COLUMNS"] = "90" }, "review", "in");

        Assert.Contains("│ #1 ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("#1 = ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("= INFRAS.DEVOPSSIA2C1.P6", result.Stdout, StringComparison.Ordinal);
        Assert.All(result.Stdout.ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains('│', StringComparison.Ordinal)), line => Assert.True(line.Length <= 90, line));
    }

    [Fact]
    public async Task Show_PrintsEvidenceNotesAndRationales()
    {
        await RunAsync(null, "review", "in");

        var show = await RunAsync(null, "show", "INFRAS.DEVOPSSIA2C1.P6");

        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("Text repeated 3 times", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Compared every paragraph", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("consistency = 2", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewRepairsAndShowFormatRepairs_WriteTheSameInstructionsForTheSeed()
    {
        var review = await RunAsync(null, "review", "in", "--repairs", "out/repairs.jsonl");
        var show = await RunAsync(null, "show", "INFRAS.DEVOPSSIA2C1.P6", "--format", "repairs");

        Assert.Contains("repairs: 2 instruction(s) written to out/repairs.jsonl", review.Stderr, StringComparison.Ordinal);
        var file = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "out", "repairs.jsonl"));
        Assert.Equal(file.ReplaceLineEndings("\n"), show.Stdout.ReplaceLineEndings("\n"));
        var first = JsonDocument.Parse(file.Split('\n')[0]).RootElement;
        Assert.Equal("delete the repeated paragraph at lines 4-4; keep lines 3-3", first.GetProperty("fix").GetString());
        Assert.Equal(4, first.GetProperty("lines").GetProperty("start").GetInt32());
    }
}
