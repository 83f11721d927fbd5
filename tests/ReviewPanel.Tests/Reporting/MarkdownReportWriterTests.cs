using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Tests.Fixtures;
using static ReviewPanel.Tests.Fixtures.ProfileReportFixtures;

namespace ReviewPanel.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Write_Run_HasCountsAndOneRowPerProfileWithEveryDimension()
    {
        var model = ReportModelFixtures.Model(6);
        var s = ReportSummary.From(model, new ReportOptions());

        var lines = new MarkdownReportWriter().Render(model).Split('\n');

        Assert.Contains($"| {s.Profiles} | {s.Passed} | {s.Failed} | {s.Errors} |", string.Join('\n', lines), StringComparison.Ordinal);
        var header = Assert.Single(lines, l => l.StartsWith("| Profile |", StringComparison.Ordinal));
        Assert.All(Dimensions.All, d => Assert.Contains($" {d} |", header, StringComparison.Ordinal));
        var rows = lines.Where(l => l.StartsWith("| INFRAS", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Count(c => c == '|'), r.Count(c => c == '|')));
    }

    [Fact]
    public void Write_HostileProfileId_CannotBreakTheTableOrInjectHtml()
    {
        var report = Report("a|b<script>x</script>\n| injected |", [Review("r", new Dictionary<string, int?> { [Dimensions.Fairness] = 5 })]);

        var md = new MarkdownReportWriter().Render(ReportModelFixtures.Model([report]));

        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains(@"a\|b&lt;script&gt;x&lt;/script&gt; \| injected \|", md, StringComparison.Ordinal);
    }
}
