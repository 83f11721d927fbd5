using System.Globalization;
using System.Text.Json;
using ReviewPanel.Probing;
using Spectre.Console;

namespace ReviewPanel.Cli.Output;

/// <summary>Prints a probe report (table, json or html) and a probe comparison (table or json).</summary>
internal static class ProbeOutput
{
    public static async Task WriteAsync(ProbeReport report, string format, TextWriter stdout)
    {
        switch (format)
        {
            case "json":
                await stdout.WriteLineAsync(JsonSerializer.Serialize(report, ProbeJsonContext.Default.ProbeReport)).ConfigureAwait(false);
                break;
            case "html":
                ProbeHtmlWriter.Write(report, stdout);
                break;
            default:
                Table(report, ConsoleFactory.For(stdout));
                break;
        }
        await stdout.FlushAsync().ConfigureAwait(false);
    }

    public static async Task WriteFilesAsync(ProbeReport report, string outDir)
    {
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "probe.json"), JsonSerializer.Serialize(report, ProbeJsonContext.Default.ProbeReport)).ConfigureAwait(false);
        ProbeHtmlWriter.WriteFile(report, Path.Combine(outDir, "probe.html"));
    }

    public static async Task WriteAsync(ProbeDrift drift, string format, TextWriter stdout)
    {
        if (format == "json")
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(drift, ProbeJsonContext.Default.ProbeDrift)).ConfigureAwait(false);
            return;
        }
        var console = ConsoleFactory.For(stdout);
        console.WriteLine($"probe {drift.BeforeRunId} ({drift.PanelBefore}) → {drift.AfterRunId} ({drift.PanelAfter})");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("class", "expected", "recall before", "recall after", "change", "reviewers (detection before → after)");
        foreach (var c in drift.Classes)
        {
            var change = c.Lost ? "LOST" : c.Gained ? "gained" : c.RecallBefore is null || c.RecallAfter is null ? "–" : "same";
            var reviewers = string.Join("; ", c.Reviewers.Select(r => $"{r.Reviewer} {Pct(r.DetectionBefore)} → {Pct(r.DetectionAfter)}"));
            table.AddRow(Markup.Escape(c.Class), Markup.Escape(c.ExpectedDimension), Pct(c.RecallBefore), Pct(c.RecallAfter), change, Markup.Escape(reviewers));
        }
        console.Write(table);
        console.WriteLine(drift.Lost.Count == 0 ? "no class lost recall" : $"lost recall: {string.Join(", ", drift.Lost)}");
    }

    private static void Table(ProbeReport report, IAnsiConsole console)
    {
        var o = report.Originals;
        console.WriteLine($"probe of the {report.Panel} panel: run {report.ProbeRunId} (originals: run {report.OriginalsRunId}), seed {report.Seed}");
        console.WriteLine($"originals: {o.Reviewed} reviewed, {o.Passed} passed and mutated, {o.Failed} failed, {o.Errored} errored (false-fail rate {Pct(o.FalseFailRate)})");
        foreach (var p in o.Profiles.Where(p => p.NotMutated is not null))
        {
            console.WriteLine($"  not mutated: {p.Source} — {p.NotMutated}{(p.Failing.Count > 0 ? $" ({string.Join(", ", p.Failing)})" : "")}");
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("class", "expected", "mutants", "recall", "any dim.", "required", "", "reviewers (detected/mutants, mean original → mutant)");
        foreach (var c in report.Classes)
        {
            var status = c.MeetsRequirement switch { true => "ok", false => "BELOW", null => c.Mutants == 0 ? "n/a" : "–" };
            var reviewers = string.Join("; ", c.Reviewers.Select(r => $"{r.Reviewer} {r.Detected}/{r.Mutants} ({Num(r.MeanOriginal)} → {Num(r.MeanMutant)})"));
            table.AddRow(Markup.Escape(c.Class) + (c.OfflineCovered ? "" : " *"), Markup.Escape(c.ExpectedDimension), c.Mutants.ToString(CultureInfo.InvariantCulture),
                Pct(c.Recall), Pct(c.RecallAny), Pct(c.RequiredRecall), status, Markup.Escape(reviewers.Length > 0 ? reviewers : "no reviewer judges it"));
        }
        console.Write(table);
        console.WriteLine("* not covered by the offline heuristics (only a model, or a reviewer not yet written, can see it)");
        foreach (var c in report.Classes)
        {
            console.WriteLine(c.Summary);
            foreach (var m in c.Misses.Take(3))
            {
                console.WriteLine($"  miss {m.Source}: {m.Note} (verdict {m.Verdict}{(m.Failing.Count > 0 ? ", failing " + string.Join(", ", m.Failing) : "")})");
            }
            if (c.Misses.Count > 3)
            {
                console.WriteLine($"  … {c.Misses.Count - 3} more (see --format json or html)");
            }
        }
        foreach (var m in report.Mismatches)
        {
            console.WriteLine($"history mismatch: {m}");
        }
    }

    private static string Pct(double? rate) => rate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
