using System.CommandLine;
using ReviewPanel.Cli.Hosting;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel worker [--inbox DIR] [--exit-when-idle]</c>: the long-running service (Ctrl+C or SIGTERM stops it gracefully).</summary>
public static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create()
    {
        var inbox = new Option<string?>("--inbox") { Description = "Watch this folder for drafts (overrides ReviewPanel:Worker:Inbox)." };
        var idle = new Option<bool>("--exit-when-idle", "--once") { Description = "Exit once nothing is queued, errored or leased." };
        var maxCost = new Option<decimal?>("--max-cost") { Description = "Claim nothing more once the cost of the jobs reviewed (ReviewPanel:Pricing) reaches this amount; finish what is in flight and exit 2, the rest stay queued." };
        var command = new Command(Name, "Run the worker: take drafts from the inbox and the queue, review them, record the verdicts. Stops gracefully on Ctrl+C / SIGTERM.");
        command.Options.Add(inbox);
        command.Options.Add(idle);
        command.Options.Add(maxCost);
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(inbox) is { } folder)
            {
                settings["ReviewPanel:Worker:Inbox"] = folder;
            }
            if (parse.GetValue(maxCost) is { } limit)
            {
                settings["ReviewPanel:Worker:MaxCost"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (parse.GetValue(idle))
            {
                settings["ReviewPanel:Worker:ExitWhenIdle"] = "true";
            }
            return await WorkerHost.RunAsync(parse.InvocationConfiguration.Error, settings, ct).ConfigureAwait(false);
        });
        return command;
    }
}
