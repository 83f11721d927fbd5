using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Provenance;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Tests.Fixtures;
using Xunit.Abstractions;
using static ReviewPanel.Tests.Fixtures.ProfileReportFixtures;

namespace ReviewPanel.Tests.Reporting;

public sealed partial class HtmlReportWriterTests(ITestOutputHelper output)
{
    private const string Hostile = "<script>alert('pwned')</script><img src=x onerror=alert(2)>\"'></details></table>";

    [Fact]
    public void Write_Run_ContainsSummaryHeatmapAndDrillDown()
    {
        var model = ReportModelFixtures.Model(12);
        var passed = model.Profiles.Count(p => p.Verdict.Outcome == ReviewPanel.Scoring.VerdictOutcome.Pass);

        var html = new HtmlReportWriter().Render(model);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<b>{passed}</b><span>passed</span>", html, StringComparison.Ordinal);
        Assert.Contains(ReportModelFixtures.RunId, html, StringComparison.Ordinal);
        Assert.Contains(ReportModelFixtures.RubricSha[..12], html, StringComparison.Ordinal);
        foreach (var d in Dimensions.All)
        {
            Assert.Contains($"<th scope=\"col\">{d}</th>", html, StringComparison.Ordinal);
        }
        Assert.Equal(12, Regex.Count(html, "<details id=\"p\\d+\">"));
        Assert.Contains("<svg class=\"ch\"", html, StringComparison.Ordinal);
        Assert.Contains("ungrounded", html, StringComparison.Ordinal);
        Assert.Contains("jfm-factory.resolve", html, StringComparison.Ordinal);
        Assert.Contains("Contributes significantly to the development of automation frameworks", html, StringComparison.Ordinal);
        Assert.Contains("quorum not met", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Run_IsSelfContained()
    {
        var html = new HtmlReportWriter().Render(ReportModelFixtures.Model(5));

        Assert.DoesNotMatch(SrcOrHrefToOutside(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HostileProfile_ComesOutInert()
    {
        var review = Review("llm.a", new Dictionary<string, int?> { [Dimensions.Accuracy] = 1 }, model: "gpt-4o", quote: Hostile) with
        {
            Rationale = Hostile,
            Injections = [new Evidence("focus", Hostile, Hostile) { Grounded = true }],
        };
        var report = Report(Hostile, [review], title: Hostile, injections: review.Injections) with
        {
            Source = Hostile,
            Layers = [new LayerProvenance(Hostile, Hostile, Hostile, [Hostile], [new LayerCitation(Hostile, Hostile, 1, Hostile, false, Hostile)])],
        };
        var model = ReportModelFixtures.Model([report]) with
        {
            History = new Dictionary<string, IReadOnlyList<HistoryPoint>> { [Hostile] = [new HistoryPoint(Hostile, T0.AddDays(-1), 1)] },
        };

        var html = new HtmlReportWriter().Render(model);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'pwned'", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        // The markup's own structure survives: exactly one drill-down, closed once.
        Assert.Equal(1, Regex.Count(html, "</details>") - Regex.Count(html, "<summary>Run settings</summary>"));
        Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "</table>"));
    }

    [Fact]
    public void Write_HundredProfiles_StaysWellUnderFiveMegabytes()
    {
        var html = new HtmlReportWriter().Render(ReportModelFixtures.Model(100));

        var bytes = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"100-profile HTML report: {bytes:N0} bytes");
        Assert.True(bytes < 5 * 1024 * 1024, $"100-profile report weighs {bytes:N0} bytes");
        Assert.Equal(100, Regex.Count(html, "<details id=\"p\\d+\">"));
    }

    [Fact]
    public void Write_PriceConfigured_ShowsCostFromTokens()
    {
        var model = ReportModelFixtures.Model(3);
        var summary = ReportSummary.From(model, new ReportOptions());
        Assert.True(summary.TotalTokens > 0);

        var html = new HtmlReportWriter(new ReportOptions { PricePer1KTokens = 0.01m, Currency = "EUR" }).Render(model);

        var expected = (summary.TotalTokens / 1000m * 0.01m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<b>{expected} EUR</b>", html, StringComparison.Ordinal);
        Assert.Contains("<b>0.00 USD</b>", new HtmlReportWriter().Render(model), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_ReusedCalls_CostNothing()
    {
        var fresh = Review("llm.a", AllDimensions(5), model: "gpt-4o", inputTokens: 1000, outputTokens: 500);
        var reused = Review("llm.b", AllDimensions(5), model: "gpt-4o", inputTokens: 4000, outputTokens: 4000);
        reused = reused with { ReusedFromRun = "run-0" };
        var model = ReportModelFixtures.Model([Report("p", [fresh, reused])]);

        var summary = ReportSummary.From(model, new ReportOptions { PricePer1KTokens = 2m });

        Assert.Equal(1500, summary.TotalTokens);
        Assert.Equal(3m, summary.Cost);
        Assert.Equal(1, summary.ReusedCalls);
    }

    [Fact]
    public void Write_History_ChartsEveryRunAndBreaksAtErrors()
    {
        var model = ReportModelFixtures.Model(1);

        var html = new HtmlReportWriter().Render(model);

        // Three past runs (one an error) plus this one: four points, the error drawn as a cross, the line in two pieces.
        Assert.Contains("Minimum over 4 runs", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<circle "));
        Assert.Equal(1, Regex.Count(html, "<g class=\"x\">"));
        Assert.Equal(2, Regex.Count(html, "<polyline "));
    }

    [GeneratedRegex("(src|href)\\s*=\\s*\"(?!#)", RegexOptions.IgnoreCase)]
    private static partial Regex SrcOrHrefToOutside();
}
