using ReviewPanel.Observability;

namespace ReviewPanel.Tests.Observability;

public sealed class PrometheusTextRendererTests
{
    private static KeyValuePair<string, string> L(string k, string v) => new(k, v);

    [Fact]
    public void Render_Counter_HelpTypeAndTotalSuffixedSamplesWithSortedLabels()
    {
        var family = new MetricFamily("reviewpanel.profiles.reviewed", MetricKind.Counter, "Profiles by verdict", "{profile}",
        [
            new MetricSeries([L("verdict", "pass")], 3),
            new MetricSeries([L("verdict", "fail"), L("b.tag", "x")], 1.5),
        ]);

        var lines = PrometheusTextRenderer.Render([family]).Split('\n');

        Assert.Equal(
        [
            "# HELP reviewpanel_profiles_reviewed_total Profiles by verdict ({profile})",
            "# TYPE reviewpanel_profiles_reviewed_total counter",
            "reviewpanel_profiles_reviewed_total{verdict=\"pass\"} 3",
            "reviewpanel_profiles_reviewed_total{b_tag=\"x\",verdict=\"fail\"} 1.5",
            "",
        ], lines);
    }

    [Fact]
    public void Render_Histogram_CumulativeBucketsInfSumAndCount()
    {
        var family = new MetricFamily("reviewpanel.reviewer.latency", MetricKind.Histogram, "Latency", "ms",
            [new MetricSeries([L("reviewer", "llm.a")], 0, [2, 0, 3], 812.5, 6)], [100, 500]);

        var lines = PrometheusTextRenderer.Render([family]).Split('\n');

        Assert.Equal(
        [
            "# HELP reviewpanel_reviewer_latency Latency (ms)",
            "# TYPE reviewpanel_reviewer_latency histogram",
            "reviewpanel_reviewer_latency_bucket{reviewer=\"llm.a\",le=\"100\"} 2",
            "reviewpanel_reviewer_latency_bucket{reviewer=\"llm.a\",le=\"500\"} 2",
            "reviewpanel_reviewer_latency_bucket{reviewer=\"llm.a\",le=\"+Inf\"} 5",
            "reviewpanel_reviewer_latency_sum{reviewer=\"llm.a\"} 812.5",
            "reviewpanel_reviewer_latency_count{reviewer=\"llm.a\"} 6",
            "",
        ], lines);
    }

    [Fact]
    public void Render_GaugeWithoutLabelsAndHostileLabelValue_EscapesQuotesBackslashesNewlines()
    {
        var families = new[]
        {
            new MetricFamily("reviewpanel.queue.depth", MetricKind.Gauge, null, null, [new MetricSeries([], 7)]),
            new MetricFamily("reviewpanel.llm.circuit.open", MetricKind.Gauge, "Open", null, [new MetricSeries([L("endpoint", "a\"b\\c\nd")], 1)]),
        };

        var lines = PrometheusTextRenderer.Render(families).Split('\n');

        Assert.Equal(
        [
            "# HELP reviewpanel_llm_circuit_open Open",
            "# TYPE reviewpanel_llm_circuit_open gauge",
            "reviewpanel_llm_circuit_open{endpoint=\"a\\\"b\\\\c\\nd\"} 1",
            "# HELP reviewpanel_queue_depth reviewpanel.queue.depth",
            "# TYPE reviewpanel_queue_depth gauge",
            "reviewpanel_queue_depth 7",
            "",
        ], lines);
    }

    [Theory]
    [InlineData("reviewpanel.llm.tokens.input", "reviewpanel_llm_tokens_input")]
    [InlineData("9lives-x", "_9lives_x")]
    [InlineData("ok_name:sub", "ok_name_sub")]
    public void Sanitize_NonWordCharacters_BecomeUnderscores(string name, string expected) =>
        Assert.Equal(expected, PrometheusTextRenderer.Sanitize(name));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.25, "0.25")]
    [InlineData(1e21, "1E+21")]
    public void FormatValue_SpecialAndInvariantValues(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextRenderer.FormatValue(value));
}
