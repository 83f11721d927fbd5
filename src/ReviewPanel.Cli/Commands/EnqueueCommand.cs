using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Cli.Hosting;
using ReviewPanel.Profiles;
using ReviewPanel.Storage;
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
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, (services, stdout, stderr, token) =>
            RunAsync(services, stdout, stderr, parse.GetRequiredValue(paths), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var importer = services.GetRequiredService<ProfileImporter>();
        var drafts = new List<QueuedDraft>();
        var unreadable = 0;
        foreach (var source in importer.ExpandSources(paths))
        {
            if (importer.TryReadBytes(source) is { } content)
            {
                drafts.Add(new QueuedDraft(Path.GetFullPath(source), content));
            }
            else
            {
                unreadable++;
                await stderr.WriteLineAsync($"error: {VisibleText.Escape(source)}: missing, unreadable or larger than ReviewPanel:Import:MaxFileBytes; not queued").ConfigureAwait(false);
            }
        }
        if (drafts.Count == 0)
        {
            await stderr.WriteLineAsync($"error: no profile files (.txt, .json) found in {VisibleText.Escape(string.Join(", ", paths))}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        var runId = services.GetRequiredService<PanelFactory>().NewRunId();
        var queued = await services.GetRequiredService<IWorkQueue>().EnqueueAsync(runId, drafts, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync($"run {runId}: {queued} queued, {unreadable} not readable").ConfigureAwait(false);
        return unreadable > 0 ? ExitCodes.Error : ExitCodes.Pass;
    }
}
