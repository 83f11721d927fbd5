using ReviewPanel.Scoring;
using static ReviewPanel.Reporting.ReportText;

namespace ReviewPanel.Reporting;

/// <summary>
/// A Markdown summary (for a pull-request comment or a job summary): counts and spend, then one table row per profile
/// with its verdict, minimum and every dimension's aggregate. Profile text is escaped so it cannot break the table or
/// inject HTML.
/// </summary>
public sealed class MarkdownReportWriter(ReportOptions? options = null, GateOptions? gate = null) : IReportWriter
{
    private readonly ReportOptions _options = options ?? new ReportOptions();
    private readonly GateOptions _gate = gate ?? new GateOptions();

    public string FileExtension => ".md";

    public void Write(ReportModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var summary = ReportSummary.From(model, _options);
        var dimensions = DimensionsOf(model);

        // No code spans around run text: a backtick inside one cannot be escaped.
        output.Write($"# ReviewPanel report — run {Markdown(model.Run.RunId)}\n\n");
        output.Write($"Rubric {Markdown(ShortHash(model.Run.RubricSha256))} · tool {Markdown(model.Run.ToolVersion)} · started {Time(model.Run.StartedAt)}\n\n");
        output.Write("| Profiles | Pass | Fail | Error | Tokens | Cost |\n|---:|---:|---:|---:|---:|---:|\n");
        output.Write(string.Create(Inv,
            $"| {summary.Profiles} | {summary.Passed} | {summary.Failed} | {summary.Errors} | {summary.TotalTokens:N0} | {summary.Cost:0.00} {_options.Currency} |\n\n"));

        if (model.Profiles.Count == 0)
        {
            output.Write("No profiles in this run.\n");
            return;
        }

        output.Write("| Profile | Verdict | Min |");
        foreach (var d in dimensions)
        {
            output.Write($" {Markdown(d)} |");
        }
        output.Write("\n|---|---|---:|");
        output.Write(string.Concat(Enumerable.Repeat("---:|", dimensions.Count)));
        output.Write('\n');

        foreach (var report in model.Profiles)
        {
            var verdict = report.Verdict;
            output.Write($"| {Markdown(ReportModel.KeyOf(report))} | {(verdict.Outcome == VerdictOutcome.Pass ? "✅" : verdict.Outcome == VerdictOutcome.Fail ? "❌" : "⚠️")} {Outcome(verdict.Outcome)} | {Score(verdict.Minimum)} |");
            foreach (var d in dimensions)
            {
                var result = Result(verdict, d);
                var cell = result is null ? "" : result.Failing ? $"**{Score(result.Aggregate)}**{(result.VetoedBy.Count > 0 ? " ⛔" : "")}" : Score(result.Aggregate);
                output.Write($" {cell} |");
            }
            output.Write('\n');
        }

        var problems = model.Profiles.Where(p => p.Verdict.Outcome != VerdictOutcome.Pass).ToList();
        if (problems.Count > 0)
        {
            output.Write("\n## Not passed\n\n");
            foreach (var report in problems)
            {
                var why = report.Verdict.Outcome == VerdictOutcome.Error
                    ? report.Verdict.Error ?? "no verdict"
                    : JUnitReportWriter.FailureMessage(report.Verdict);
                output.Write($"- **{Markdown(ReportModel.KeyOf(report))}**: {Markdown(Truncate(why, 600))}\n");
            }
        }
        output.Write(string.Create(Inv, $"\nA profile passes when every required dimension reaches {Score(_gate.PassThreshold)}; ⛔ marks a dimension capped by a grounded finding (a veto).\n"));
    }
}
