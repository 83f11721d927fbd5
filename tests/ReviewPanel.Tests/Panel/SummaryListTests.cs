using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Serialization;
using ReviewPanel.Tests.Properties;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Panel;

/// <summary>A large batch keeps its summaries in a temporary file: what comes back must be what went in, in source order.</summary>
public sealed class SummaryListTests
{
    private static readonly JsonSerializerOptions Compare = new(ReviewPanelJson.Canonical) { IncludeFields = true };

    [Fact]
    public async Task SpilledSummaries_ReadBackEqualToTheInMemoryOnes_InSourceOrder_SkippingTheNotReviewed()
    {
        var panel = TestHost.OfflinePanel();
        var importer = new ProfileImporter();
        var summaries = new List<ProfileSummary>();
        foreach (var file in PanelNeverMoreLenientTests.FixtureProfiles)
        {
            summaries.Add(ProfileSummary.From(await panel.ReviewAsync("run-spill", importer.Import(file).Profile!, CancellationToken.None)));
        }
        Assert.Contains(summaries, s => s.FailingEvidence.Count > 0 && s.Vetoes.Count > 0); // the rich shapes are in the sample

        using var memory = new SummaryList(summaries.Count + 1);
        using var spilled = new SummaryList(summaries.Count + 1, spillAbove: 0);
        Assert.False(memory.Spilled);
        Assert.True(spilled.Spilled);
        // Set in reverse (reviews finish in any order), and leave the last source without a summary (never started).
        for (var i = summaries.Count - 1; i >= 0; i--)
        {
            memory.Set(i, summaries[i]);
            spilled.Set(i, summaries[i]);
        }
        memory.Complete();
        spilled.Complete();

        Assert.Equal(summaries.Count, spilled.Count);
        Assert.False(spilled.Has(summaries.Count));
        var expected = summaries.Select(s => JsonSerializer.Serialize(s, Compare)).ToList();
        Assert.Equal(expected, memory.Select(s => JsonSerializer.Serialize(s, Compare)));
        Assert.Equal(expected, spilled.Select(s => JsonSerializer.Serialize(s, Compare)));
        Assert.Equal(expected[3], JsonSerializer.Serialize(spilled[3], Compare));
        // Read twice: the output reads the list more than once.
        Assert.Equal(expected, spilled.Select(s => JsonSerializer.Serialize(s, Compare)));
    }
}
