using System.CommandLine;

namespace ReviewPanel.Cli.Commands;

/// <summary>The <c>reviewpanel</c> command tree. Parse errors exit 2, like every other "could not judge".</summary>
public static class ReviewPanelCommandLine
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("ReviewPanel: the quality gate for LLM-generated role profiles.");
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(EnqueueCommand.Create());
        root.Subcommands.Add(QueueCommand.Create());
        root.Subcommands.Add(RerunCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(WaiveCommand.Create());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var parse = CreateRoot().Parse(args);
        var config = new InvocationConfiguration { Output = stdout ?? Console.Out, Error = stderr ?? Console.Error };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await config.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }
            await config.Error.WriteLineAsync("Run 'reviewpanel --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        if (parse.CommandResult.Command.Name == WorkerCommand.Name)
        {
            // The worker's host handles Ctrl+C and SIGTERM itself and drains for DrainSeconds; the parser's default
            // would end the process two seconds after the signal.
            config.ProcessTerminationTimeout = null;
        }
        return await parse.InvokeAsync(config).ConfigureAwait(false);
    }
}
