using System.CommandLine;
using ReviewPanel.Queueing;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel enqueue &lt;files or folders&gt;...</c>: stores each draft's content in the queue under a new run id.</summary>
public static class EnqueueCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Profile files (.txt, .json) or folders to queue.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("enqueue", "Queue drafts for the worker. Their content is stored now, so the files may be deleted afterwards.");
        command.Arguments.Add(paths);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<DraftQueue>(parse, (queue, stdout, stderr, token) =>
            RunAsync(queue, stdout, stderr, parse.GetRequiredValue(paths), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(DraftQueue queue, TextWriter stdout, TextWriter stderr, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var result = await queue.EnqueueAsync(paths, cancellationToken).ConfigureAwait(false);
        foreach (var source in result.Unreadable)
        {
            await stderr.WriteLineAsync($"error: {VisibleText.Escape(source.Source)}: {VisibleText.Escape(source.Reason)}; not queued").ConfigureAwait(false);
        }
        if (result.RunId is null)
        {
            await stderr.WriteLineAsync($"error: no profile files (.txt, .json) found in {VisibleText.Escape(string.Join(", ", paths))}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        await stdout.WriteLineAsync($"run {result.RunId}: {result.Queued} queued, {result.Unreadable.Count} not readable, {result.Skipped} skipped (already waiting with the same content)").ConfigureAwait(false);
        return result.Unreadable.Count > 0 ? ExitCodes.Error : ExitCodes.Pass;
    }
}
