using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewPanel.Audit;
using ReviewPanel.Cli.Hosting;
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
        var panel = new Option<PanelKind>("--panel") { Description = "Reviewers: offline heuristics (default), llm personas, or all.", DefaultValueFactory = _ => PanelKind.Offline };
        var format = OutputFormats.Option("table", "json");
        var command = new Command("calibrate", "Compare the panel with human gold labels: kappa and rho per dimension, and the gate's pass/fail confusion matrix.");
        command.Arguments.Add(folder);
        command.Options.Add(panel);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, (services, stdout, stderr, token) =>
            RunAsync(services, parse.GetRequiredValue(folder), parse.GetValue(panel), parse.GetRequiredValue(format),
                "calibrate " + string.Join(' ', parse.Tokens.Select(t => t.Value)), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string folder, PanelKind kind, string format, string commandLine,
        TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            await stderr.WriteLineAsync($"error: calibration folder '{folder}' does not exist").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        var threshold = services.GetRequiredService<IOptions<GateOptions>>().Value.PassThreshold;
        var (sources, labels, problems) = ReadLabels(folder, (int)Math.Ceiling(threshold));
        if (problems.Count == 0 && sources.Count == 0)
        {
            problems.Add($"{folder}: no profile files (.txt, .json) with {GoldLabel.SidecarSuffix} labels found");
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                await stderr.WriteLineAsync($"error: {VisibleText.Escape(p)}").ConfigureAwait(false);
            }
            return ExitCodes.Error;
        }

        var factory = services.GetRequiredService<PanelFactory>();
        var rubric = factory.LoadRubric();
        var runner = factory.Create(kind, rubric, fresh: false);
        var run = factory.DescribeRun(runner, rubric, commandLine, kind);
        var parallel = services.GetRequiredService<IOptions<PanelOptions>>().Value.MaxParallelProfiles;
        var result = await services.GetRequiredService<BatchRunner>().RunAsync(runner, run, sources, parallel, null, ct).ConfigureAwait(false);

        var cases = result.Profiles.Select((p, i) => new CalibrationCase(sources[i], p.ProfileId, labels[i], p.Verdict, p.Scores)).ToList();
        var report = CalibrationReport.Compute(cases);
        var errored = result.Profiles.Where(p => p.Verdict == VerdictOutcome.Error).ToList();
        foreach (var e in errored)
        {
            await stderr.WriteLineAsync($"error: {VisibleText.Escape(e.Source)}: not judged ({VisibleText.Escape(e.Error)}); counted as not passed").ConfigureAwait(false);
        }

        if (format == "json")
        {
            var json = new
            {
                runId = result.RunId,
                folder,
                panel = kind.ToString().ToLowerInvariant(),
                profiles = cases.Count,
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
                cases = cases.Select(c => new
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
            Print(report, result.RunId, kind, ConsoleFactory.For(stdout));
        }
        return errored.Count > 0 ? ExitCodes.Error : ExitCodes.Pass;
    }

    /// <summary>Every profile file with its gold sidecar; a missing, orphaned or malformed sidecar is a problem naming the file.</summary>
    private static (List<string> Sources, List<GoldLabel> Labels, List<string> Problems) ReadLabels(string folder, int passThreshold)
    {
        var sources = new List<string>();
        var labels = new List<GoldLabel>();
        var problems = new List<string>();
        var files = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.Where(f => !f.EndsWith(GoldLabel.SidecarSuffix, StringComparison.OrdinalIgnoreCase)
            && (f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))))
        {
            var gold = file + GoldLabel.SidecarSuffix;
            if (!File.Exists(gold))
            {
                problems.Add($"{file}: no gold labels (expected {Path.GetFileName(gold)} beside it)");
                continue;
            }
            try
            {
                labels.Add(GoldLabel.Parse(File.ReadAllText(gold), gold, passThreshold));
                sources.Add(file);
            }
            catch (InvalidDataException ex)
            {
                problems.Add(ex.Message);
            }
            catch (IOException ex)
            {
                problems.Add($"{gold}: cannot read ({ex.Message})");
            }
        }
        foreach (var orphan in files.Where(f => f.EndsWith(GoldLabel.SidecarSuffix, StringComparison.OrdinalIgnoreCase)
            && !File.Exists(f[..^GoldLabel.SidecarSuffix.Length])))
        {
            problems.Add($"{orphan}: labels a profile file that does not exist ({Path.GetFileName(orphan[..^GoldLabel.SidecarSuffix.Length])})");
        }
        return (sources, labels, problems);
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
