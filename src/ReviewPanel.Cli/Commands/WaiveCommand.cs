using System.CommandLine;
using ReviewPanel.Cli.Output;
using ReviewPanel.Waivers;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// <c>reviewpanel waive &lt;profile-id&gt; --version &lt;hash&gt; --dimension D|--all --by NAME --reason TEXT [--expires DATE]</c>:
/// records a person's decision in the history's waiver chain. It changes the effective verdict of exactly that version.
/// </summary>
public static class WaiveCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("profile-id") { Description = "The profile id." };
        var version = new Option<string>("--version") { Description = "The profile version (hash, or a unique prefix of at least 8 characters) the waiver is for.", Required = true };
        var dimension = new Option<string[]>("--dimension") { Description = "A failing dimension to waive (repeatable; instructions-in-profile is a rule that can be waived too).", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "Waive every failing dimension and rule of that version." };
        var by = new Option<string>("--by") { Description = "Who decides (name or id).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit trail.", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the waiver stops applying (UTC unless given)." };
        var command = new Command("waive", "Record a human waiver for one profile version: its effective verdict passes when every failing dimension is waived. Shown by show and history; covered by audit verify.");
        command.Arguments.Add(id);
        foreach (var option in new Option[] { version, dimension, all, by, reason, expires })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(r =>
        {
            var dims = r.GetValue(dimension) ?? [];
            if (r.GetValue(all) == (dims.Length > 0))
            {
                r.AddError("choose what to waive: --dimension <d> (repeatable) or --all.");
            }
            if ((r.GetValue(version) ?? "").Length < 8)
            {
                r.AddError("--version needs at least 8 characters of the version hash.");
            }
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync<WaiverService>(parse, async (waivers, stdout, stderr, token) =>
        {
            var profileId = parse.GetRequiredValue(id);
            Waiver waiver;
            try
            {
                waiver = await waivers.WaiveAsync(profileId, parse.GetRequiredValue(version), parse.GetValue(dimension) ?? [], parse.GetRequiredValue(by),
                    parse.GetRequiredValue(reason), parse.GetValue(expires), token).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            await stdout.WriteLineAsync(WaiverText.Line(waiver)).ConfigureAwait(false);
            if (await waivers.LatestAsync(profileId, token).ConfigureAwait(false) is { } latest && latest.Report.VersionHash == waiver.VersionHash)
            {
                await stdout.WriteLineAsync($"effective verdict: {latest.Effective.Effective.ToString().ToLowerInvariant()} (panel: {latest.Effective.Panel.ToString().ToLowerInvariant()})").ConfigureAwait(false);
            }
            return ExitCodes.Pass;
        }, ct));
        return command;
    }
}
