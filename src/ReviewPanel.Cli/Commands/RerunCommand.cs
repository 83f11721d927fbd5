using System.CommandLine;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// <c>reviewpanel rerun --failed | --errors | --profile ID [--since DATE] [--panel ...] [--fresh]</c>: reviews the
/// latest version of each selected profile again, from its file when it still exists (a changed file is a new version),
/// else from the content stored when it was queued. Valid cached LLM reviews are reused, so only missing or errored
/// reviews cost a model call.
/// </summary>
public static class RerunCommand
{
    public static Command Create()
    {
        var failed = new Option<bool>("--failed") { Description = "Profiles whose latest verdict is Fail." };
        var errors = new Option<bool>("--errors") { Description = "Profiles whose latest verdict is Error." };
        var profile = new Option<string[]>("--profile") { Description = "This profile id (repeatable).", AllowMultipleArgumentsPerToken = true };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only profiles whose latest verdict was recorded at or after this date (UTC unless given)." };
        var format = OutputFormats.Option("table", "json");
        var panel = CommonOptions.Panel();
        var fresh = new Option<bool>("--fresh") { Description = "Ask the models again even where a cached review exists." };
        var onlyFailing = CommonOptions.OnlyFailing();
        var command = new Command("rerun", "Review selected profiles again, reusing every cached valid review. Exit codes as for review.");
        foreach (var option in new Option[] { failed, errors, profile, since, format, panel, fresh, onlyFailing })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(r =>
        {
            if (!r.GetValue(failed) && !r.GetValue(errors) && (r.GetValue(profile) ?? []).Length == 0)
            {
                r.AddError("choose what to rerun: --failed, --errors and/or --profile <id>.");
            }
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync<RerunService>(parse, (reruns, stdout, stderr, token) =>
            RunAsync(reruns, stdout, stderr, new RerunSelection(parse.GetValue(failed), parse.GetValue(errors), parse.GetValue(profile) ?? [], parse.GetValue(since)),
                parse.GetRequiredValue(format), parse.GetValue(panel), parse.GetValue(fresh), CommonOptions.RecordedCommand(parse), parse.GetValue(onlyFailing), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(RerunService reruns, TextWriter stdout, TextWriter stderr, RerunSelection selection, string format, PanelKind kind,
        bool fresh, string commandLine, bool onlyFailing, CancellationToken cancellationToken)
    {
        var result = await reruns.RerunAsync(selection, kind, fresh, commandLine, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            await stdout.WriteLineAsync("nothing to rerun: no latest verdict matches").ConfigureAwait(false);
            return ExitCodes.Pass;
        }
        foreach (var broken in result.Profiles.Where(p => p.ProfileId is null && p.Error is not null))
        {
            await stderr.WriteLineAsync($"error: {VisibleText.Escape(broken.Source)}: {VisibleText.Escape(broken.Error)}").ConfigureAwait(false);
        }
        var waived = await reruns.Waivers.WaivedAsync(result, cancellationToken).ConfigureAwait(false);
        await BatchOutput.WriteAsync(result, format, stdout, onlyFailing, reruns.Pricing, waived).ConfigureAwait(false);
        var reused = result.Profiles.Sum(p => p.ReusedReviews);
        var calls = result.Profiles.Sum(p => p.ModelCalls);
        await stderr.WriteLineAsync($"rerun {result.RunId}: {result.Profiles.Count} profile(s), {reused} review(s) reused from earlier runs, {calls} model call(s)").ConfigureAwait(false);
        return result.EffectiveExitCode(waived.Keys);
    }
}
