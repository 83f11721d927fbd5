using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Panel;
using ReviewPanel.Reporting;
using ReviewPanel.Storage;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Reporting;

/// <summary>Repair instructions from a recorded report of the seed page, through the real offline panel and store.</summary>
public sealed class RepairInstructionsTests
{
    private static async Task<ProfileReport> ReviewAsync(string fixture, TempFolder dir)
    {
        await using var services = TestHost.Build(storePath: Path.Combine(dir.Path, "h.db"));
        await services.GetRequiredService<IHistoryWriter>().InitializeAsync(CancellationToken.None);
        var runs = services.GetRequiredService<ReviewRunService>();
        var result = await runs.RunAsync(new RunRequest { Sources = [RepoFiles.Path("fixtures", "profiles", fixture)], Command = "test" }, CancellationToken.None);
        return (await runs.Reports.LoadAsync(result.RunId, CancellationToken.None))!.Profiles.Single();
    }

    [Fact]
    public async Task From_Seed_NamesTheRepeatedParagraphItsLinesAndTheOneToKeep()
    {
        using var dir = new TempFolder();
        var report = await ReviewAsync("devops-sre-p6.txt", dir);

        var repairs = RepairInstructions.From(report);

        var summary = Assert.Single(repairs, r => r.Layer == "summary");
        Assert.Equal(("consistency", "heuristic.duplication", "quote"), (summary.Dimension, summary.Reviewer, summary.LinesOf));
        Assert.Equal((4, 4), (summary.LineStart, summary.LineEnd));
        Assert.Equal("delete the repeated paragraph at lines 4-4; keep lines 3-3", summary.Fix);
        Assert.StartsWith("Focuses on the reliability, availability, and operational performance", summary.Quote, StringComparison.Ordinal);
        Assert.Contains("repeated", summary.Problem, StringComparison.Ordinal);
        Assert.Equal(report.ProfileId, summary.ProfileId);
        Assert.Equal(report.VersionHash, summary.VersionHash);
        Assert.EndsWith("devops-sre-p6.txt", summary.File, StringComparison.Ordinal);

        var focus = Assert.Single(repairs, r => r.Layer == "focus");
        Assert.Equal((6, 6), (focus.LineStart, focus.LineEnd));
        Assert.Contains("lines 6-6", focus.Fix, StringComparison.Ordinal);
        Assert.Contains("copy of lines 3-3", focus.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_SourceFileGone_FallsBackToTheLayersLines()
    {
        using var dir = new TempFolder();
        var report = await ReviewAsync("devops-sre-p6.txt", dir);

        var repairs = RepairInstructions.From(report, _ => null);

        var summary = Assert.Single(repairs, r => r.Layer == "summary");
        Assert.Equal(("layer", 3, 4), (summary.LinesOf, summary.LineStart, summary.LineEnd));
    }

    [Fact]
    public async Task From_PassingProfile_IsEmpty()
    {
        using var dir = new TempFolder();
        var report = await ReviewAsync("data-platform-p4.txt", dir);

        Assert.Empty(RepairInstructions.From(report));
    }

    [Fact]
    public async Task WriteJsonLines_OneObjectPerLineWithTheDocumentedFields()
    {
        using var dir = new TempFolder();
        var report = await ReviewAsync("devops-sre-p6.txt", dir);
        using var writer = new StringWriter();

        RepairInstructions.WriteJsonLines(RepairInstructions.From(report), writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(["profileId", "versionHash", "runId", "dimension", "reviewer", "layer", "file", "lines", "quote", "problem", "fix"],
                json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["start", "end", "of"], json.RootElement.GetProperty("lines").EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Occurrences_QuoteAcrossLinesWithOtherWhitespaceAndCase_GivesItsLineSpan()
    {
        string[] lines = ["Title", "first part of a", "  Sentence that wraps", "other"];

        var found = RepairInstructions.Occurrences(lines, 1, 4, "First part of a sentence   that wraps");

        Assert.Equal([(2, 3)], found);
    }
}
