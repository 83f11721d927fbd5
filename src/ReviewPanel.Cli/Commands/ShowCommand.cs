using System.CommandLine;
using System.Text.Json;
using ReviewPanel.Audit;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;
using ReviewPanel.Waivers;
using Spectre.Console;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel show &lt;profile-id&gt; [--format table|json]</c>: the latest verdict with its provenance.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("profile-id") { Description = "The profile id." };
        var format = OutputFormats.Option("table", "json", "repairs");
        var command = new Command("show", "The latest verdict of a profile: dimensions and who judged them, findings with evidence, notes and rationales, per-layer provenance; --format repairs prints one JSON repair instruction per failing finding.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<WaiverService>(parse, (waivers, stdout, stderr, token) =>
            RunAsync(waivers, parse.GetRequiredValue(id), parse.GetRequiredValue(format), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(WaiverService waivers, string profileId, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (await waivers.LatestAsync(profileId, ct).ConfigureAwait(false) is not { } latest)
        {
            await stderr.WriteLineAsync($"error: no verdict recorded for profile '{VisibleText.Escape(profileId)}'").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        var (report, effective) = latest;
        if (format == "json")
        {
            // The recorded report as stored, plus the effective verdict next to the panel's (waivers are separate records).
            var node = JsonSerializer.SerializeToNode(report, ReviewPanelJson.Indented)!.AsObject();
            node["effectiveVerdict"] = effective.Effective.ToString().ToLowerInvariant();
            node["waivers"] = JsonSerializer.SerializeToNode(effective.Applied, ReviewPanelJson.Indented);
            await stdout.WriteLineAsync(node.ToJsonString(ReviewPanelJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        if (format == "repairs")
        {
            RepairInstructions.WriteJsonLines(RepairInstructions.From(report), stdout);
            await stdout.FlushAsync(ct).ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        var console = ConsoleFactory.For(stdout);
        Render(report, console);
        if (effective.Waived)
        {
            console.MarkupLine($"[green]effective verdict pass[/] (panel: {effective.Panel.ToString().ToLowerInvariant()}), waived:");
        }
        foreach (var w in effective.Applied)
        {
            console.MarkupLine(Markup.Escape(WaiverText.Line(w)));
        }
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

        // Reviews as blocks, not a table: rationales and evidence notes are sentences, and they must stay readable at 80 columns.
        console.WriteLine();
        console.MarkupLine("[bold]reviews[/]");
        foreach (var r in report.Reviews.Concat(report.Adjudications))
        {
            var status = r.Status == ReviewStatus.Ok ? (r.ReusedFromRun is null ? "ok" : $"reused from {Markup.Escape(VisibleText.Escape(r.ReusedFromRun))}") : $"[yellow]error[/]: {Markup.Escape(VisibleText.Escape(r.Error ?? ""))}";
            console.MarkupLine($"[bold]{Markup.Escape(VisibleText.Escape(r.ReviewerId))}[/] {status}");
            if (!string.IsNullOrWhiteSpace(r.Rationale))
            {
                console.MarkupLine($"  {Markup.Escape(VisibleText.Escape(r.Rationale))}");
            }
            foreach (var sc in r.Scores)
            {
                var score = sc.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "abstain";
                console.MarkupLine($"  {Markup.Escape(sc.Dimension)} = {score}{(sc.Ungrounded ? " (ungrounded)" : "")}"
                    + (string.IsNullOrWhiteSpace(sc.Rationale) ? "" : $": {Markup.Escape(VisibleText.Escape(sc.Rationale))}"));
                foreach (var e in sc.Evidence)
                {
                    console.MarkupLine($"    [[{Markup.Escape(VisibleText.Escape(e.LayerKey))}]]{(e.Grounded == false ? " [yellow]UNGROUNDED[/]" : "")} \"{Markup.Escape(VisibleText.Escape(Trim(e.Quote)))}\""
                        + (e.Note is null ? "" : $" — {Markup.Escape(VisibleText.Escape(e.Note))}"));
                }
            }
            foreach (var e in r.Injections)
            {
                console.MarkupLine($"  [red]instruction aimed at reviewers[/] [[{Markup.Escape(VisibleText.Escape(e.LayerKey))}]] \"{Markup.Escape(VisibleText.Escape(Trim(e.Quote)))}\"" + (e.Note is null ? "" : $" — {Markup.Escape(VisibleText.Escape(e.Note))}"));
            }
        }
        console.WriteLine();

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
