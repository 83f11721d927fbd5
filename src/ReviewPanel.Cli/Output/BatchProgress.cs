using System.Globalization;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;
using Spectre.Console;

namespace ReviewPanel.Cli.Output;

/// <summary>
/// Progress of a batch: on a terminal, a live bar with n/N and the pass/fail/error tally; when stdout is piped (a CI log),
/// a plain line on stderr at most every <see cref="PipedInterval"/>, so stdout stays clean for the table or JSON.
/// While an endpoint's limiter holds calls, both say so (<c>… 0 errored; waiting for rate limit (TPM)</c>); the piped
/// line is then also written when no profile finishes, once per interval, so a quiet log is not mistaken for a hang.
/// </summary>
internal static class BatchProgress
{
    public static readonly TimeSpan PipedInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often the terminal bar looks at the rate-limit state between completions.</summary>
    private static readonly TimeSpan TerminalRefresh = TimeSpan.FromMilliseconds(250);

    public static async Task<BatchResult> RunAsync(bool showProgress, int total, Func<Action<ProfileSummary>?, Task<BatchResult>> run,
        TextWriter? pipedTo = null, TimeProvider? time = null, IRateLimitStatus? limits = null)
    {
        if (!showProgress)
        {
            if (pipedTo is null || total <= 1)
            {
                return await run(null).ConfigureAwait(false);
            }
            var tally = new Tally(total, limits);
            using var plain = new PlainProgress(tally, pipedTo, time ?? TimeProvider.System, PipedInterval);
            return await run(plain.Report).ConfigureAwait(false);
        }
        BatchResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var tally = new Tally(total, limits);
                var task = ctx.AddTask(Markup.Escape(tally.Line()), maxValue: total);
                var running = run(p =>
                {
                    tally.Add(p);
                    task.Description = Markup.Escape(tally.Line());
                    task.Increment(1);
                });
                // Between completions the bar still shows when the quota, not the work, is what is being waited on.
                while (limits is not null && await Task.WhenAny(running, Task.Delay(TerminalRefresh, time ?? TimeProvider.System)).ConfigureAwait(false) != running)
                {
                    task.Description = Markup.Escape(tally.Line());
                }
                result = await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Counts finished profiles; safe to call from the panel's parallel completions.</summary>
    internal sealed class Tally(int total, IRateLimitStatus? limits = null)
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

        /// <summary>Whether an endpoint's limiter holds calls right now.</summary>
        public bool Waiting => limits?.Waiting.Count > 0;

        public string Line()
        {
            var waiting = limits?.Waiting ?? [];
            lock (_gate)
            {
                return string.Create(CultureInfo.InvariantCulture, $"reviewed {_done}/{total}: {_pass} passed, {_fail} failed, {_error} errored")
                    + (waiting.Count > 0 ? $"; waiting for rate limit ({string.Join("|", waiting)})" : "");
            }
        }
    }

    /// <summary>
    /// One plain line per interval, written when a profile finishes and the interval has passed since the last line, or,
    /// while a rate limit holds calls, when the interval passes without one.
    /// </summary>
    internal sealed class PlainProgress : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Tally _tally;
        private readonly TextWriter _writer;
        private readonly TimeProvider _time;
        private readonly TimeSpan _interval;
        private readonly ITimer _timer;
        private long _last;

        public PlainProgress(Tally tally, TextWriter writer, TimeProvider time, TimeSpan interval)
        {
            (_tally, _writer, _time, _interval) = (tally, writer, time, interval);
            _last = time.GetTimestamp();
            _timer = time.CreateTimer(_ => Tick(), null, interval, interval);
        }

        public void Report(ProfileSummary profile)
        {
            _tally.Add(profile);
            WriteIfDue();
        }

        public void Dispose() => _timer.Dispose();

        private void Tick()
        {
            if (_tally.Waiting)
            {
                WriteIfDue();
            }
        }

        private void WriteIfDue()
        {
            lock (_gate)
            {
                if (_time.GetElapsedTime(_last) < _interval)
                {
                    return;
                }
                _last = _time.GetTimestamp();
                _writer.WriteLine(_tally.Line());
                _writer.Flush();
            }
        }
    }
}
