using System.Globalization;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;
using Spectre.Console;

namespace ReviewPanel.Cli.Output;

/// <summary>
/// Progress of a batch: on a terminal, a live bar with n/N and the pass/fail/error tally; when stdout is piped (a CI log),
/// a plain line on stderr at most every <see cref="PipedInterval"/>, so stdout stays clean for the table or JSON.
/// </summary>
internal static class BatchProgress
{
    public static readonly TimeSpan PipedInterval = TimeSpan.FromSeconds(5);

    public static async Task<BatchResult> RunAsync(bool showProgress, int total, Func<Action<ProfileSummary>?, Task<BatchResult>> run,
        TextWriter? pipedTo = null, TimeProvider? time = null)
    {
        if (!showProgress)
        {
            if (pipedTo is null || total <= 1)
            {
                return await run(null).ConfigureAwait(false);
            }
            var tally = new Tally(total);
            var plain = new PlainProgress(tally, pipedTo, time ?? TimeProvider.System, PipedInterval);
            return await run(plain.Report).ConfigureAwait(false);
        }
        BatchResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var tally = new Tally(total);
                var task = ctx.AddTask(Markup.Escape(tally.Line()), maxValue: total);
                result = await run(p =>
                {
                    tally.Add(p);
                    task.Description = Markup.Escape(tally.Line());
                    task.Increment(1);
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Counts finished profiles; safe to call from the panel's parallel completions.</summary>
    internal sealed class Tally(int total)
    {
        private readonly Lock _gate = new();
        private int _done, _pass, _fail, _error;

        public void Add(ProfileSummary profile)
        {
            lock (_gate)
            {
                _done++;
                switch (profile.Verdict)
                {
                    case VerdictOutcome.Pass: _pass++; break;
                    case VerdictOutcome.Fail: _fail++; break;
                    default: _error++; break;
                }
            }
        }

        public string Line()
        {
            lock (_gate)
            {
                return string.Create(CultureInfo.InvariantCulture, $"reviewed {_done}/{total}: {_pass} passed, {_fail} failed, {_error} errored");
            }
        }
    }

    /// <summary>One plain line per interval, written when a profile finishes and the interval has passed since the last line.</summary>
    internal sealed class PlainProgress(Tally tally, TextWriter writer, TimeProvider time, TimeSpan interval)
    {
        private readonly Lock _gate = new();
        private long _last = time.GetTimestamp();

        public void Report(ProfileSummary profile)
        {
            tally.Add(profile);
            lock (_gate)
            {
                if (time.GetElapsedTime(_last) < interval)
                {
                    return;
                }
                _last = time.GetTimestamp();
                writer.WriteLine(tally.Line());
                writer.Flush();
            }
        }
    }
}
