using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReviewPanel.Audit;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;
using ReviewPanel.Storage;
using Spectre.Console;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// <c>reviewpanel audit agreement [--since DATE] [--dimension D] [--format table|json]</c>: how far the reviewers agree
/// per dimension (Krippendorff's alpha, ordinal), each reviewer's bias against the panel median, its abstention and
/// error rates, and reviewers whose scores moved when their prompt or model changed.
/// </summary>
public static class AuditAgreementCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Use every report recorded at or after this date (ISO 8601, UTC when no offset); default: each profile's latest report." };
        var dimension = new Option<string?>("--dimension") { Description = "Only this rubric dimension." };
        dimension.AcceptOnlyFromAmong([.. Dimensions.All]);
        var format = OutputFormats.Option("table", "json");
        var command = new Command("agreement", "Inter-rater reliability per dimension (Krippendorff's alpha, ordinal), reviewer bias vs the panel median, abstention and error rates, and drift.");
        command.Options.Add(since);
        command.Options.Add(dimension);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<HistoryQueries>(parse, (history, stdout, stderr, token) =>
            RunAsync(history, parse.GetValue(since), parse.GetValue(dimension), parse.GetRequiredValue(format), stdout, stderr, token), ct));
        return command;
    }

    private static async Task<int> RunAsync(HistoryQueries history, string? sinceText, string? dimension, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        DateTimeOffset? since = null;
        if (sinceText is not null)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                await stderr.WriteLineAsync($"error: --since '{sinceText}' is not a date (use e.g. 2026-11-01 or 2026-11-01T12:00:00Z)").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            since = parsed;
        }

        var reports = await history.GetReportsAsync(since, ct).ConfigureAwait(false);
        if (reports.Count == 0)
        {
            await stderr.WriteLineAsync(since is null ? "error: the history holds no reviewed profiles" : $"error: no reports recorded since {since:u}").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var analysis = history.Agreement(reports);
        var dimensions = analysis.Dimensions.Where(d => dimension is null || d.Dimension == dimension).ToList();
        var drift = analysis.Drift
            .Select(d => dimension is null ? d : d with
            {
                Segments = d.Segments.Select(s => s with
                {
                    MeanScore = s.MeanByDimension.TryGetValue(dimension, out var m) ? m : null,
                    MeanByDimension = s.MeanByDimension.Where(kv => kv.Key == dimension).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                }).ToList(),
            })
            .Where(d => dimension is null || d.Segments.Any(s => s.MeanScore is not null))
            .ToList();

        if (format == "json")
        {
            var json = new
            {
                reports = reports.Count,
                since,
                dimension,
                dimensions = dimensions.Select(d => new
                {
                    d.Dimension,
                    d.Alpha,
                    d.PairableUnits,
                    reviewers = d.Reviewers.Select(r => new
                    {
                        r.ReviewerId, r.Reviews, r.Scored, r.Abstained, r.Errors, r.MeanBias, r.BiasUnits, r.AbstentionRate, r.ErrorRate, r.Contested, r.Leniency,
                    }),
                }),
                drift,
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(json, ReviewPanelJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Pass;
        }

        var console = ConsoleFactory.For(stdout);
        console.WriteLine($"agreement over {reports.Count} report(s){(since is null ? " (each profile's latest)" : $" recorded since {since:u}")}");
        var summary = new Table().Border(TableBorder.Rounded).Title("Krippendorff's alpha (ordinal) per dimension");
        summary.AddColumns("dimension", "alpha", "units with ≥2 scores", "reviewers");
        foreach (var d in dimensions)
        {
            summary.AddRow(Markup.Escape(VisibleText.Escape(d.Dimension)), Number(d.Alpha, "0.000"), d.PairableUnits.ToString(CultureInfo.InvariantCulture), d.Reviewers.Count.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(summary);

        var reviewers = new Table().Border(TableBorder.Rounded).Title("reviewers: bias vs panel median, leniency (passing despite another's grounded finding), abstention and error rates");
        reviewers.AddColumns("dimension", "reviewer", "reviews", "scored", "bias", "lenient", "abstain", "error");
        foreach (var d in dimensions)
        {
            foreach (var r in d.Reviewers)
            {
                reviewers.AddRow(Markup.Escape(VisibleText.Escape(d.Dimension)), Markup.Escape(VisibleText.Escape(r.ReviewerId)), r.Reviews.ToString(CultureInfo.InvariantCulture), r.Scored.ToString(CultureInfo.InvariantCulture),
                    Number(r.MeanBias, "+0.00;-0.00;0.00"), r.Leniency is null ? "–" : $"{Percent(r.Leniency)} of {r.Contested}", Percent(r.AbstentionRate), Percent(r.ErrorRate));
            }
        }
        console.Write(reviewers);

        if (drift.Count == 0)
        {
            console.WriteLine("drift: no reviewer changed its prompt or model over these reports");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title("drift: reviewers whose prompt or model changed");
            table.AddColumns("reviewer", "version", "model", "from", "to", "reviews", "mean score");
            foreach (var d in drift)
            {
                foreach (var s in d.Segments)
                {
                    table.AddRow(Markup.Escape(VisibleText.Escape(d.ReviewerId)), Markup.Escape(VisibleText.Escape(s.Version[..Math.Min(12, s.Version.Length)])), Markup.Escape(VisibleText.Escape(s.Model ?? "–")),
                        s.From.ToString("u", CultureInfo.InvariantCulture), s.To.ToString("u", CultureInfo.InvariantCulture),
                        s.Reviews.ToString(CultureInfo.InvariantCulture), Number(s.MeanScore, "0.00"));
                }
            }
            console.Write(table);
        }
        return ExitCodes.Pass;
    }

    private static string Number(double? value, string pattern) => value is { } v ? v.ToString(pattern, CultureInfo.InvariantCulture) : "–";

    private static string Percent(double? value) => value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "–";
}
