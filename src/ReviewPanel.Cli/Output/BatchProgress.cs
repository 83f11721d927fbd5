using ReviewPanel.Panel;
using Spectre.Console;

namespace ReviewPanel.Cli.Output;

/// <summary>A progress bar on a terminal for batches of more than one profile; nothing when output is redirected.</summary>
internal static class BatchProgress
{
    public static async Task<BatchResult> RunAsync(bool showProgress, int total, Func<Action<ProfileSummary>?, Task<BatchResult>> run)
    {
        if (!showProgress)
        {
            return await run(null).ConfigureAwait(false);
        }
        BatchResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Reviewing profiles", maxValue: total);
                result = await run(_ => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }
}
