using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReviewPanel.Cli.Output;
using ReviewPanel.Queueing;
using ReviewPanel.Storage;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel queue [--format text|json]</c> and <c>reviewpanel queue requeue &lt;id|--dead&gt;</c>.</summary>
public static class QueueCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var format = OutputFormats.Option("text", "json");
        var command = new Command("queue", "Show the work queue: jobs per state, the oldest waiting one and its age, the dead-letter jobs, and who did the work.");
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<DraftQueue>(parse, (queue, stdout, _, token) =>
            ShowAsync(queue, stdout, parse.GetRequiredValue(format), token), ct));

        var id = new Argument<long?>("id") { Description = "The job to put back in the queue.", Arity = ArgumentArity.ZeroOrOne };
        var dead = new Option<bool>("--dead") { Description = "Requeue every dead job." };
        var requeue = new Command("requeue", "Put a dead (or errored) job back in the queue with its attempts reset.");
        requeue.Arguments.Add(id);
        requeue.Options.Add(dead);
        requeue.Validators.Add(r =>
        {
            if (r.GetValue(id) is null == !r.GetValue(dead))
            {
                r.AddError("give either a job id or --dead.");
            }
        });
        requeue.SetAction((parse, ct) => CommandRunner.RunAsync<DraftQueue>(parse, async (queue, stdout, stderr, token) =>
        {
            if (parse.GetValue(dead))
            {
                var count = await queue.RequeueDeadAsync(token).ConfigureAwait(false);
                await stdout.WriteLineAsync($"{count} dead job(s) requeued").ConfigureAwait(false);
                return ExitCodes.Pass;
            }
            var job = parse.GetValue(id)!.Value;
            if (await queue.RequeueAsync(job, token).ConfigureAwait(false))
            {
                await stdout.WriteLineAsync($"job {job} requeued").ConfigureAwait(false);
                return ExitCodes.Pass;
            }
            await stderr.WriteLineAsync($"error: job {job} is not dead or errored (or does not exist)").ConfigureAwait(false);
            return ExitCodes.Error;
        }, ct));
        command.Subcommands.Add(requeue);
        return command;
    }

    private static async Task<int> ShowAsync(DraftQueue queue, TextWriter stdout, string format, CancellationToken cancellationToken)
    {
        var (status, dead, now) = await queue.StatusAsync(cancellationToken).ConfigureAwait(false);
        var oldest = status.OldestWaiting;
        var age = oldest is null ? (TimeSpan?)null : now - oldest.EnqueuedAt;
        if (format == "json")
        {
            var model = new
            {
                counts = status.Counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
                oldestWaiting = oldest is null ? null : new { id = oldest.Id, source = oldest.Source, runId = oldest.RunId, enqueuedAt = oldest.EnqueuedAt, ageSeconds = Math.Round(age!.Value.TotalSeconds, 1) },
                doneByWorker = status.DoneByWorker,
                dead = dead.Select(d => new { id = d.Id, source = d.Source, runId = d.RunId, attempts = d.Attempt, error = d.LastError }),
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(model, Json)).ConfigureAwait(false);
            return ExitCodes.Pass;
        }

        await stdout.WriteLineAsync(string.Join(", ", status.Counts.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}"))).ConfigureAwait(false);
        await stdout.WriteLineAsync(oldest is null
            ? "nothing waiting"
            : string.Create(CultureInfo.InvariantCulture, $"oldest waiting: job {oldest.Id} {VisibleText.Escape(oldest.Source)} (run {oldest.RunId}), waiting {age:d\\.hh\\:mm\\:ss}")).ConfigureAwait(false);
        if (status.DoneByWorker.Count > 0)
        {
            await stdout.WriteLineAsync("done by worker: " + string.Join(", ", status.DoneByWorker.Select(w => $"{w.Key} {w.Value}"))).ConfigureAwait(false);
        }
        foreach (var d in dead)
        {
            await stdout.WriteLineAsync($"dead: job {d.Id} {VisibleText.Escape(d.Source)} after {d.Attempt} attempt(s): {VisibleText.Escape(d.LastError)}").ConfigureAwait(false);
        }
        return ExitCodes.Pass;
    }
}
