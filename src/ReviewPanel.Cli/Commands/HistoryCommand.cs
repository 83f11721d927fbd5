using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Cli.Output;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;
using Spectre.Console;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel history &lt;profile-id&gt; [--format table|json]</c>: every verdict, newest first.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("profile-id") { Description = "The profile id (its code line, or the slug of its title)." };
        var format = OutputFormats.Option("table", "json");
        var command = new Command("history", "Every recorded verdict of a profile, newest first, with its per-dimension scores.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, (services, stdout, stderr, token) =>
            RunAsync(services.GetRequiredService<IReviewStore>(), parse.GetRequiredValue(id), parse.GetRequiredValue(format), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(IReviewStore store, string profileId, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var records = new List<StoredVerdict>();
        await foreach (var r in store.GetHistoryAsync(profileId, ct).ConfigureAwait(false))
        {
            records.Add(r);
        }
        if (records.Count == 0)
        {
            await stderr.WriteLineAsync($"error: no history for profile '{profileId}'").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        if (format == "json")
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { profileId, runs = records }, ReviewPanelJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        var table = new Table().Border(TableBorder.Rounded).Title($"history of {Markup.Escape(profileId)}");
        table.AddColumns("recorded", "run", "version", "verdict", "min");
        foreach (var d in Dimensions.All)
        {
            table.AddColumn(new TableColumn(d).RightAligned());
        }
        table.AddColumn("failing");
        foreach (var r in records)
        {
            var cells = new List<string>
            {
                r.RecordedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), r.RunId, r.VersionHash[..Math.Min(12, r.VersionHash.Length)],
                r.Outcome.ToString().ToLowerInvariant(), BatchOutput.Score(r.Minimum),
            };
            cells.AddRange(Dimensions.All.Select(d => BatchOutput.Score(r.Scores.GetValueOrDefault(d))));
            cells.Add(string.Join(", ", r.Failing));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        ConsoleFactory.For(stdout).Write(table);
        return ExitCodes.Pass;
    }
}
