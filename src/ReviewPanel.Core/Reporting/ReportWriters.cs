using Microsoft.Extensions.Options;
using ReviewPanel.Scoring;

namespace ReviewPanel.Reporting;

/// <summary>The report writers, each with the configured report and gate settings (one pass line everywhere).</summary>
public sealed class ReportWriters(IOptions<ReportOptions> report, IOptions<GateOptions> gate)
{
    /// <summary>The formats <see cref="For"/> knows.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["html", "md", "json", "junit"];

    public IReportWriter For(string format) => format switch
    {
        "html" => new HtmlReportWriter(report.Value, gate.Value),
        "md" => new MarkdownReportWriter(report.Value, gate.Value),
        "json" => new JsonReportWriter(),
        "junit" => new JUnitReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown report format; known: {string.Join(", ", Formats)}."),
    };
}
