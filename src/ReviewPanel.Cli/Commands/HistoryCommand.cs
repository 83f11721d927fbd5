using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewPanel.Audit;
using ReviewPanel.Cli.Output;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;
using Spectre.Console;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// <c>reviewpanel history &lt;profile-id&gt; [--format table|json]</c>: every verdict, newest first, with what changed
/// since the run before (layers, rubric, reviewer prompts, models) so a score change can be explained.
/// </summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("profile-id") { Description = "The profile id (its code line, or the slug of its title)." };
        var format = OutputFormats.Option("table", "json");
        var command = new Command("history", "Every recorded verdict of a profile, newest first, with its per-dimension scores and what changed since the run before (text layers, rubric, prompts, models).");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<HistoryQueries>(parse, (history, stdout, stderr, token) =>
            RunAsync(history, parse.GetRequiredValue(id), parse.GetRequiredValue(format), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(HistoryQueries history, string profileId, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var entries = await history.GetHistoryAsync(profileId, ct).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await stderr.WriteLineAsync($"error: no history for profile '{VisibleText.Escape(profileId)}'").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        var records = entries.Select(e => e.Record).ToList();
        var waivers = await history.GetWaiversAsync(profileId, ct).ConfigureAwait(false);
        var changes = entries.Select(e => e.Changes).ToList();
        if (format == "json")
        {
            var runs = new JsonArray();
            for (var i = 0; i < records.Count; i++)
            {
                var node = JsonSerializer.SerializeToNode(records[i], ReviewPanelJson.Indented)!.AsObject();
                // null for the oldest record: there is no run before it to compare with.
                node["changes"] = changes[i] is { } c ? JsonSerializer.SerializeToNode(new
                {
                    none = c.None,
                    text = c.Layers,
                    rubric = c.Rubric,
                    prompts = c.Prompts,
                    models = c.Models,
                }, ReviewPanelJson.Indented) : null;
                runs.Add(node);
            }
            var root = new JsonObject { ["profileId"] = profileId, ["runs"] = runs, ["waivers"] = JsonSerializer.SerializeToNode(waivers, ReviewPanelJson.Indented) };
            await stdout.WriteLineAsync(root.ToJsonString(ReviewPanelJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"history of {Markup.Escape(VisibleText.Escape(profileId))}");
        table.AddColumns("recorded", "run", "version", "verdict", "min");
        foreach (var d in Dimensions.All)
        {
            table.AddColumn(new TableColumn(d).RightAligned());
        }
        table.AddColumn("failing");
        table.AddColumn("changed since previous run");
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var cells = new List<string>
            {
                r.RecordedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), r.RunId, r.VersionHash[..Math.Min(12, r.VersionHash.Length)],
                r.Outcome.ToString().ToLowerInvariant(), BatchOutput.Score(r.Minimum),
            };
            cells.AddRange(Dimensions.All.Select(d => BatchOutput.Score(r.Scores.GetValueOrDefault(d))));
            cells.Add(string.Join(", ", r.Failing));
            cells.Add(Describe(changes[i], i == records.Count - 1));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        var console = ConsoleFactory.For(stdout);
        console.Write(table);
        foreach (var w in waivers)
        {
            console.MarkupLine(Markup.Escape(WaiverText.Line(w)));
        }
        return ExitCodes.Pass;
    }

    internal static string Describe(RunChanges? changes, bool oldest)
    {
        if (changes is null)
        {
            return oldest ? "first run" : "unknown (report missing)";
        }
        if (changes.None)
        {
            return "nothing";
        }
        var parts = new List<string>();
        if (changes.Layers.Count > 0)
        {
            parts.Add("text: " + string.Join(", ", changes.Layers.Select(l => l.Before is null ? l.Key + " (added)" : l.After is null ? l.Key + " (removed)" : l.Key)));
        }
        if (changes.Rubric is { } rubric)
        {
            parts.Add($"rubric: {Short(rubric.Before)}→{Short(rubric.After)}");
        }
        if (changes.Prompts.Count > 0)
        {
            parts.Add("prompts: " + string.Join(", ", changes.Prompts.Select(p => $"{p.ReviewerId} {Short(p.Before)}→{Short(p.After)}")));
        }
        if (changes.Models.Count > 0)
        {
            parts.Add("models: " + string.Join(", ", changes.Models.Select(m => $"{m.ReviewerId} {m.Before ?? "–"}→{m.After ?? "–"}")));
        }
        return string.Join("; ", parts);
    }

    private static string Short(string? hash) => hash is null ? "–" : hash[..Math.Min(8, hash.Length)];
}
