using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReviewPanel.Audit;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;
using ReviewPanel.Serialization;
using Spectre.Console;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// <c>reviewpanel calibrate &lt;folder&gt; [--panel offline|llm|all] [--format table|json]</c>: reviews every profile
/// in the folder that has a <c>&lt;file&gt;.gold.json</c> sidecar of human labels, and prints how far the panel agrees
/// with people per dimension (quadratic weighted kappa, Spearman's rho) and the gate's confusion matrix. The review is
/// recorded as a normal run, so calibration runs keep their provenance. Exit 0: calibrated; 2: missing or malformed
/// labels, or a profile the panel could not judge.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A folder of profiles (.txt, .json), each with a <file>.gold.json sidecar of human labels." };
        var panel = CommonOptions.Panel();
        var format = OutputFormats.Option("table", "json");
        var command = new Command("calibrate", "Compare the panel with human gold labels: kappa and rho per dimension, and the gate's pass/fail confusion matrix.");
        command.Arguments.Add(folder);
        command.Options.Add(panel);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<CalibrationService>(parse, (calibration, stdout, stderr, token) =>
            RunAsync(calibration, parse.GetRequiredValue(folder), parse.GetValue(panel), parse.GetRequiredValue(format),
                CommonOptions.RecordedCommand(parse), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(CalibrationService calibration, string folder, PanelKind kind, string format, string commandLine,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var run = await calibration.CalibrateAsync(folder, kind, commandLine, ct).ConfigureAwait(false);
        foreach (var p in run.Problems.Concat(run.NotJudged))
        {
            await stderr.WriteLineAsync($"error: {VisibleText.Escape(p)}").ConfigureAwait(false);
        }
        if (run.Report is not { } report)
        {
            return ExitCodes.Error;
        }

        if (format == "json")
        {
            var json = new
            {
                runId = run.RunId,
                folder,
                panel = kind.ToString().ToLowerInvariant(),
                profiles = report.Cases.Count,
                dimensions = report.Dimensions,
                gate = new
                {
                    truePositives = report.Gate.TruePositives,
                    falsePositives = report.Gate.FalsePositives,
                    falseNegatives = report.Gate.FalseNegatives,
                    trueNegatives = report.Gate.TrueNegatives,
                    accuracy = report.Gate.Accuracy,
                    precision = report.Gate.Precision,
                    recall = report.Gate.Recall,
                },
                cases = report.Cases.Select(c => new
                {
                    source = c.Source,
                    profileId = c.ProfileId,
                    gold = new { verdict = c.Gold.Pass ? "pass" : "fail", scores = c.Gold.Scores },
                    panel = new { verdict = c.PanelOutcome.ToString().ToLowerInvariant(), scores = c.PanelScores },
                }),
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(json, ReviewPanelJson.Indented)).ConfigureAwait(false);
        }
        else
        {
            Print(report, run.RunId!, kind, ConsoleFactory.For(stdout));
        }
        return run.NotJudged.Count > 0 ? ExitCodes.Error : ExitCodes.Pass;
    }

    private static void Print(CalibrationReport report, string runId, PanelKind kind, IAnsiConsole console)
    {
        console.WriteLine($"calibration of the {kind.ToString().ToLowerInvariant()} panel against {report.Cases.Count} labelled profile(s), run {runId}");
        var table = new Table().Border(TableBorder.Rounded).Title("agreement with people per dimension (panel aggregate rounded)");
        table.AddColumns("dimension", "n", "weighted kappa", "spearman rho", "exact");
        foreach (var d in report.Dimensions)
        {
            table.AddRow(Markup.Escape(VisibleText.Escape(d.Dimension)), d.N.ToString(CultureInfo.InvariantCulture), Number(d.Kappa), Number(d.Rho),
                d.ExactAgreement is { } e ? e.ToString("0%", CultureInfo.InvariantCulture) : "–");
        }
        console.Write(table);

        var g = report.Gate;
        var matrix = new Table().Border(TableBorder.Rounded).Title("gate vs people (positive = pass)");
        matrix.AddColumns("", "gold pass", "gold fail");
        matrix.AddRow("panel pass", $"TP {g.TruePositives}", $"FP {g.FalsePositives}");
        matrix.AddRow("panel fail/error", $"FN {g.FalseNegatives}", $"TN {g.TrueNegatives}");
        console.Write(matrix);
        console.WriteLine($"accuracy {Number(g.Accuracy)}, precision {Number(g.Precision)}, recall {Number(g.Recall)} (n = {g.Total}); – = not computable");

        var disagreements = report.Cases.Where(c => (c.PanelOutcome == VerdictOutcome.Pass) != c.Gold.Pass).ToList();
        foreach (var c in disagreements)
        {
            console.WriteLine($"gate disagrees: {VisibleText.Escape(c.ProfileId ?? c.Source)} — panel {c.PanelOutcome.ToString().ToLowerInvariant()}, people {(c.Gold.Pass ? "pass" : "fail")}");
        }
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
