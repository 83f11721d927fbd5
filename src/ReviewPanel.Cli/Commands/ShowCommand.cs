using System.CommandLine;
using System.Text.Json;
using ReviewPanel.Audit;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;
using Spectre.Console;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel show &lt;profile-id&gt; [--format table|json]</c>: the latest verdict with its provenance.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("profile-id") { Description = "The profile id." };
        var format = OutputFormats.Option("table", "json");
        var command = new Command("show", "The latest verdict of a profile: dimensions and who judged them, findings with evidence, per-layer provenance.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<HistoryQueries>(parse, (history, stdout, stderr, token) =>
            RunAsync(history, parse.GetRequiredValue(id), parse.GetRequiredValue(format), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(HistoryQueries history, string profileId, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var report = await history.GetLatestReportAsync(profileId, ct).ConfigureAwait(false);
        if (report is null)
        {
            await stderr.WriteLineAsync($"error: no verdict recorded for profile '{VisibleText.Escape(profileId)}'").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        if (format == "json")
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, ReviewPanelJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        Render(report, ConsoleFactory.For(stdout));
        return ExitCodes.Pass;
    }

    private static void Render(ProfileReport report, IAnsiConsole console)
    {
        var v = report.Verdict;
        console.MarkupLine($"[bold]{Markup.Escape(VisibleText.Escape(report.Title ?? report.Source))}[/] ({Markup.Escape(VisibleText.Escape(report.ProfileId ?? ""))}) version {Markup.Escape(VisibleText.Escape(report.VersionHash ?? ""))}");
        console.MarkupLine($"run {Markup.Escape(VisibleText.Escape(report.RunId))} · verdict [bold]{v.Outcome.ToString().ToLowerInvariant()}[/] · minimum {BatchOutput.Score(v.Minimum)}"
            + (v.Error is null ? "" : $" · {Markup.Escape(VisibleText.Escape(v.Error))}"));

        var dims = new Table().Border(TableBorder.Rounded).Title("dimensions");
        dims.AddColumns("dimension", "score", "required", "judged by", "note");
        foreach (var d in v.Dimensions)
        {
            var note = string.Join(" ", new[]
            {
                d.Failing ? "FAILING" : null,
                d.VetoedBy.Count > 0 ? $"vetoed by {string.Join(", ", d.VetoedBy.Select(x => $"{x.Reviewer} ({x.Score})"))}" : null,
                d.Overruled.Count > 0 ? $"overruled: {string.Join(", ", d.Overruled.Select(x => $"{x.Reviewer} ({x.Score})"))}" : null,
                d.Unstable ? "unstable" : null,
                d.AdjudicatedBy is { } a ? $"adjudicated by {a}" : null,
            }.Where(s => s is not null));
            dims.AddRow(d.Dimension, BatchOutput.Score(d.Aggregate), d.Required ? "yes" : "", Markup.Escape(VisibleText.Escape(string.Join(", ", d.ScoredBy))), Markup.Escape(VisibleText.Escape(note)));
        }
        console.Write(dims);

        foreach (var d in v.Dimensions)
        {
            foreach (var veto in d.VetoedBy)
            {
                console.MarkupLine($"[red]veto[/] {Markup.Escape(d.Dimension)} capped at {veto.Score} by {Markup.Escape(veto.Reviewer)} ({Markup.Escape(veto.Kind)}): "
                    + Markup.Escape(VisibleText.Escape(string.Join("; ", veto.Evidence.Select(e => $"[{e.LayerKey}] \"{Trim(e.Quote)}\"" + (e.Note is null ? "" : $" — {e.Note}"))))));
            }
            foreach (var o in d.Overruled)
            {
                console.MarkupLine($"[grey]overruled[/] {Markup.Escape(d.Dimension)}: {Markup.Escape(o.Reviewer)} gave {o.Score}; {Markup.Escape(o.Reason)}");
            }
            foreach (var r in d.Refutations)
            {
                console.MarkupLine($"{(r.Accepted ? "[green]refutation accepted[/]" : "[yellow]refutation refused[/]")} {Markup.Escape(d.Dimension)}: {Markup.Escape(r.By)} against {Markup.Escape(r.FindingReviewer)} "
                    + $"\"{Markup.Escape(VisibleText.Escape(Trim(r.FindingQuote)))}\" with [{Markup.Escape(r.Counter.LayerKey)}] \"{Markup.Escape(VisibleText.Escape(Trim(r.Counter.Quote)))}\": {Markup.Escape(r.Ruling)}");
            }
        }

        foreach (var injection in v.Injections)
        {
            console.MarkupLine($"[red]instruction aimed at reviewers[/] in [bold]{Markup.Escape(VisibleText.Escape(injection.LayerKey))}[/]: \"{Markup.Escape(VisibleText.Escape(injection.Quote))}\"");
        }

        var reviews = new Table().Border(TableBorder.Rounded).Title("reviews");
        reviews.AddColumns("reviewer", "status", "scores", "evidence");
        foreach (var r in report.Reviews.Concat(report.Adjudications))
        {
            var scores = string.Join(", ", r.Scores.Select(s => $"{s.Dimension}={(s.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "abstain")}{(s.Ungrounded ? " (ungrounded)" : "")}"));
            var evidence = string.Join("\n", r.Scores.SelectMany(s => s.Evidence.Select(e => $"{s.Dimension} [{e.LayerKey}]{(e.Grounded == false ? " UNGROUNDED" : "")}: \"{Trim(e.Quote)}\"")));
            reviews.AddRow(Markup.Escape(VisibleText.Escape(r.ReviewerId)), r.Status == ReviewStatus.Ok ? (r.ReusedFromRun is null ? "ok" : $"reused from {Markup.Escape(VisibleText.Escape(r.ReusedFromRun))}") : $"[yellow]error[/]: {Markup.Escape(VisibleText.Escape(r.Error ?? ""))}",
                Markup.Escape(VisibleText.Escape(scores)), Markup.Escape(VisibleText.Escape(evidence)));
        }
        console.Write(reviews);

        var layers = new Table().Border(TableBorder.Rounded).Title("layer provenance");
        layers.AddColumns("layer", "sha256", "sources", "cited by");
        foreach (var l in report.Layers)
        {
            layers.AddRow(Markup.Escape(VisibleText.Escape(l.Key)), l.Sha256.Length >= 12 ? l.Sha256[..12] : l.Sha256, Markup.Escape(VisibleText.Escape(string.Join(", ", l.Sources))),
                Markup.Escape(VisibleText.Escape(string.Join("\n", l.Citations.Select(c => $"{c.ReviewerId} {c.Dimension ?? "injection"}{(c.Score is { } s ? "=" + s : "")}{(c.Grounded ? "" : " (ungrounded)")}")))));
        }
        console.Write(layers);
    }

    private static string Trim(string quote) => quote.Length <= 120 ? quote : quote[..117] + "...";
}
