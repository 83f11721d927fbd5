using System.Text.Json;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>Vetoes and rule failures are visible where people read: the table, the JSON, <c>show</c> and the HTML heatmap.</summary>
public sealed class VetoVisibilityTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Copy(params string[] fixtures)
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "in"));
        foreach (var fixture in fixtures)
        {
            File.Copy(RepoFiles.Path("fixtures", "profiles", fixture), Path.Combine(_dir.Path, "in", fixture));
        }
    }

    [Fact]
    public async Task Review_GroundedHeuristicFinding_IsAVetoInTheJsonAndMarkedInTheTable()
    {
        Copy("exclusionary-p4.txt");

        var json = await CliProcess.RunAsync(_dir.Path, null, "review", "in", "--format", "json");
        var table = await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        Assert.Equal(1, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var veto = doc.RootElement.GetProperty("profiles")[0].GetProperty("vetoes").EnumerateArray()
            .Single(v => v.GetProperty("dimension").GetString() == "fairness");
        Assert.Equal("heuristic.fairness", veto.GetProperty("vetoedBy").GetString());
        Assert.Equal("heuristic", veto.GetProperty("kind").GetString());
        Assert.Contains("native English speaker", veto.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.Contains("1!", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("! = capped by a grounded finding (veto)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_VetoedDimension_NamesTheFindingAndItsQuote()
    {
        Copy("exclusionary-p4.txt");
        await CliProcess.RunAsync(_dir.Path, null, "review", "in");

        var show = await CliProcess.RunAsync(_dir.Path, null, "show", "DATA.DATAPLATENG9X7.P4");

        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("veto fairness capped at 1 by heuristic.fairness (heuristic)", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ProfileFailedByTheInjectionRule_ShowsTheRuleInItsHeatmapRowAndVetoesAreMarked()
    {
        Copy("injection-p4.txt", "exclusionary-p4.txt");
        await CliProcess.RunAsync(_dir.Path, null, "review", "in", "--out", "out");

        var html = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "out", "report.html"));

        Assert.Contains("<td class=\"rule f\" title=\"failed by rule\">✗ instructions-in-profile</td>", html, StringComparison.Ordinal);
        Assert.Contains("⛔ vetoed by heuristic.fairness (1)", html, StringComparison.Ordinal);
        Assert.Contains("capped by heuristic.fairness", html, StringComparison.Ordinal);
    }
}
