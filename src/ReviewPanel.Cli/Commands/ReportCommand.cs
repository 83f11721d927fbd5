using System.CommandLine;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Reporting;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel report [--run ID | --latest] --format html|md|json|junit --out PATH</c></summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var run = new Option<string?>("--run") { Description = "The run to report (default: the latest)." };
        var latest = new Option<bool>("--latest") { Description = "Report the latest run (the default)." };
        var format = OutputFormats.Option("html", "md", "json", "junit");
        var output = new Option<string>("--out") { Description = "File to write.", Required = true };
        var command = new Command("report", "Write a run's report: self-contained HTML, Markdown, JSON or JUnit XML.");
        command.Options.Add(run);
        command.Options.Add(latest);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<ReviewRunService>(parse, async (runs, stdout, stderr, token) =>
        {
            var runId = await runs.Reports.ResolveRunIdAsync(parse.GetValue(run), token).ConfigureAwait(false);
            var model = runId is null ? null : await runs.Reports.LoadAsync(runId, token).ConfigureAwait(false);
            if (model is null)
            {
                await stderr.WriteLineAsync(runId is null ? "error: no run recorded yet" : $"error: no run '{runId}'").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            var path = parse.GetRequiredValue(output);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            runs.Writers.For(parse.GetRequiredValue(format)).WriteFile(model, path);
            await stdout.WriteLineAsync($"wrote {path} ({model.Profiles.Count} profiles, run {model.Run.RunId})").ConfigureAwait(false);
            return ExitCodes.Pass;
        }, ct));
        return command;
    }
}
