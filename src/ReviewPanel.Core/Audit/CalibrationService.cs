using Microsoft.Extensions.Options;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;

namespace ReviewPanel.Audit;

/// <summary>
/// Reviews every profile of a folder that has a <c>&lt;file&gt;.gold.json</c> sidecar, as a normal recorded run, and
/// compares the panel with the people per dimension and at the gate.
/// </summary>
public sealed class CalibrationService(ReviewRunService runs, IOptions<GateOptions> gate)
{
    public async Task<CalibrationRun> CalibrateAsync(string folder, PanelKind panel, string command, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return new CalibrationRun([$"calibration folder '{folder}' does not exist"], null, null, []);
        }
        var (sources, labels, problems) = ReadLabels(folder, gate.Value.PassingScore);
        if (problems.Count == 0 && sources.Count == 0)
        {
            problems.Add($"{folder}: no profile files (.txt, .json) with {GoldLabel.SidecarSuffix} labels found");
        }
        if (problems.Count > 0)
        {
            return new CalibrationRun(problems, null, null, []);
        }

        var result = await runs.RunAsync(new RunRequest { Sources = sources, Panel = panel, Command = command }, cancellationToken).ConfigureAwait(false);
        var cases = result.Profiles.Select((p, i) => new CalibrationCase(sources[i], p.ProfileId, labels[i], p.Verdict, p.Scores)).ToList();
        var notJudged = result.Profiles.Where(p => p.Verdict == VerdictOutcome.Error).Select(e => $"{e.Source}: not judged ({e.Error}); counted as not passed").ToList();
        return new CalibrationRun([], result.RunId, CalibrationReport.Compute(cases), notJudged);
    }

    /// <summary>Every profile file with its gold sidecar; a missing, orphaned or malformed sidecar is a problem naming the file.</summary>
    private static (List<string> Sources, List<GoldLabel> Labels, List<string> Problems) ReadLabels(string folder, int passingScore)
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
                labels.Add(GoldLabel.Parse(File.ReadAllText(gold), gold, passingScore));
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
}
