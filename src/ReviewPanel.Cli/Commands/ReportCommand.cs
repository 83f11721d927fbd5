using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Cli.Output;
using ReviewPanel.Reporting;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;

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
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (services, stdout, stderr, token) =>
        {
            var store = services.GetRequiredService<IReviewStore>();
            var runId = parse.GetValue(run) ?? await store.GetLatestRunIdAsync(token).ConfigureAwait(false);
            var model = runId is null ? null : await RunReportLoader.LoadAsync(store, runId, token).ConfigureAwait(false);
            if (model is null)
            {
                await stderr.WriteLineAsync(runId is null ? "error: no run recorded yet" : $"error: no run '{runId}'").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            var path = parse.GetRequiredValue(output);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using (var file = File.CreateText(path))
            {
                switch (parse.GetRequiredValue(format))
                {
                    case "json":
                        await file.WriteAsync(JsonSerializer.Serialize(model, ReviewPanelJson.Indented)).ConfigureAwait(false);
                        break;
                    case "md":
                        new MarkdownReportWriter().Write(model, file);
                        break;
                    case "junit":
                        new JUnitReportWriter().Write(model, file);
                        break;
                    default:
                        new HtmlReportWriter().Write(model, file);
                        break;
                }
            }
            await stdout.WriteLineAsync($"wrote {path} ({model.Profiles.Count} profiles, run {model.Run.RunId})").ConfigureAwait(false);
            return ExitCodes.Pass;
        }, ct));
        return command;
    }
}
