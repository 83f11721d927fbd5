using System.CommandLine;
using System.Globalization;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Reporting;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel review &lt;files or folders&gt;... [--format table|json|junit] [--out DIR] [--panel offline|llm|all]</c></summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Profile files (.txt, .json) or folders to review.", Arity = ArgumentArity.OneOrMore };
        var format = OutputFormats.Option("table", "json", "junit");
        var outDir = new Option<string?>("--out") { Description = "Also write review.json, junit.xml and report.html (the self-contained HTML report) into this folder." };
        var onlyFailing = CommonOptions.OnlyFailing();
        var repairs = new Option<string?>("--repairs") { Description = "Also write repair instructions, one JSON object per failing finding, to this .jsonl file (docs/repairs.md)." };
        var panel = CommonOptions.Panel();
        var fresh = new Option<bool>("--fresh") { Description = "Ask the models again even where a cached review exists." };
        var repeats = new Option<int?>("--repeats") { Description = "Ask each LLM reviewer K times; keep every repeat, score the median, flag dimensions that flip across the threshold." };
        repeats.Validators.Add(r =>
        {
            if (r.GetValue(repeats) is < 1 or > 25)
            {
                r.AddError("--repeats must be between 1 and 25.");
            }
        });

        var maxCost = new Option<decimal?>("--max-cost") { Description = "Stop starting new profiles once the run's cost (ReviewPanel:Pricing) reaches this amount; what was reviewed is kept, the rest is reported as not reviewed (exit 2)." };
        maxCost.Validators.Add(r =>
        {
            if (r.GetValue(maxCost) is < 0)
            {
                r.AddError("--max-cost must not be negative.");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Estimate the model tokens and cost of the review from the profiles (prompt characters / 4 plus max_tokens per call) without calling a model or recording anything." };

        var command = new Command("review", "Review profiles with the panel, record the verdicts, and print them. Exit 0: all pass, 1: any fail, 2: any error.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(outDir);
        command.Options.Add(panel);
        command.Options.Add(fresh);
        command.Options.Add(repeats);
        command.Options.Add(onlyFailing);
        command.Options.Add(repairs);
        command.Options.Add(maxCost);
        command.Options.Add(dryRun);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<ReviewRunService>(parse, (runs, stdout, stderr, token) => parse.GetValue(dryRun)
            ? DryRunAsync(runs, stdout, stderr, parse.GetRequiredValue(paths), parse.GetRequiredValue(format), parse.GetValue(panel))
            : RunAsync(runs, stdout, stderr, parse.GetRequiredValue(paths), parse.GetRequiredValue(format), parse.GetValue(outDir),
                parse.GetValue(panel), parse.GetValue(fresh), CommonOptions.RecordedCommand(parse), token, parse.GetValue(onlyFailing), parse.GetValue(repairs), parse.GetValue(maxCost)), ct,
            parse.GetValue(repeats) is { } k ? new Dictionary<string, string?> { ["ReviewPanel:Llm:Repeats"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null));
        return command;
    }

    internal static async Task<int> RunAsync(ReviewRunService runs, TextWriter stdout, TextWriter stderr, IReadOnlyList<string> paths,
        string format, string? outDir, PanelKind kind, bool fresh, string commandLine, CancellationToken cancellationToken,
        bool onlyFailing = false, string? repairsFile = null, decimal? maxCost = null)
    {
        var sources = runs.ExpandSources(paths);
        if (sources.Count == 0)
        {
            await stderr.WriteLineAsync($"error: no profile files (.txt, .json) found in {VisibleText.Escape(string.Join(", ", paths))}").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var terminal = !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        var result = await BatchProgress.RunAsync(
            showProgress: format == "table" && sources.Count > 1 && terminal,
            sources.Count,
            onDone => runs.RunAsync(new RunRequest { Sources = sources, Panel = kind, Fresh = fresh, Command = commandLine, OnProfileDone = onDone, MaxCost = maxCost }, cancellationToken),
            pipedTo: terminal ? null : stderr, limits: runs.RateLimits).ConfigureAwait(false);

        foreach (var failed in result.Profiles.Where(p => p.ProfileId is null && p.Error is not null))
        {
            await stderr.WriteLineAsync($"error: {VisibleText.Escape(failed.Source)}: {VisibleText.Escape(failed.Error)}").ConfigureAwait(false);
        }

        // JUnit and the report files quote the evidence, so they are written from the recorded reports, read once.
        var model = format == "junit" || outDir is not null || repairsFile is not null ? await runs.Reports.LoadAsync(result.RunId, cancellationToken).ConfigureAwait(false) : null;
        if (format == "junit")
        {
            runs.Writers.For("junit").Write(model!, stdout);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        var waived = await runs.Waivers.WaivedAsync(result, cancellationToken).ConfigureAwait(false);
        if (format != "junit")
        {
            await BatchOutput.WriteAsync(result, format, stdout, onlyFailing, runs.Pricing, waived).ConfigureAwait(false);
        }
        if (repairsFile is not null)
        {
            var instructions = model!.Profiles.SelectMany(p => RepairInstructions.From(p)).ToList();
            if (Path.GetDirectoryName(Path.GetFullPath(repairsFile)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            await using (var jsonl = File.CreateText(repairsFile))
            {
                RepairInstructions.WriteJsonLines(instructions, jsonl);
            }
            await stderr.WriteLineAsync($"repairs: {instructions.Count} instruction(s) written to {repairsFile}").ConfigureAwait(false);
        }
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            await using (var json = File.CreateText(Path.Combine(outDir, "review.json")))
            {
                await BatchOutput.WriteAsync(result, "json", json, pricing: runs.Pricing).ConfigureAwait(false);
            }
            runs.Writers.For("junit").WriteFile(model!, Path.Combine(outDir, "junit.xml"));
            runs.Writers.For("html").WriteFile(model!, Path.Combine(outDir, "report.html"));
        }
        if (result.StoppedBy is { } budget)
        {
            var reason = budget.Unpriced is { } deployment
                ? $"the cost of deployment {deployment} is unknown (no price in ReviewPanel:Pricing)"
                : string.Create(CultureInfo.InvariantCulture, $"spent {budget.Spent:0.####} {budget.Currency}");
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"stopped at max cost {budget.Limit:0.####} {budget.Currency} after {result.Profiles.Count} profiles ({reason}); {result.NotReviewed.Count} not reviewed, review them again to continue:")).ConfigureAwait(false);
            foreach (var source in result.NotReviewed)
            {
                await stderr.WriteLineAsync($"not reviewed: {VisibleText.Escape(source)}").ConfigureAwait(false);
            }
        }
        // The gate's exit code on the effective verdicts: a failing version a person waived passes.
        return result.EffectiveExitCode(waived.Keys);
    }

    /// <summary><c>--dry-run</c>: the estimated calls, tokens and cost per profile and in total; nothing is called or recorded.</summary>
    internal static async Task<int> DryRunAsync(ReviewRunService runs, TextWriter stdout, TextWriter stderr, IReadOnlyList<string> paths, string format, PanelKind kind)
    {
        var sources = runs.ExpandSources(paths);
        if (sources.Count == 0)
        {
            await stderr.WriteLineAsync($"error: no profile files (.txt, .json) found in {VisibleText.Escape(string.Join(", ", paths))}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        var rows = runs.Estimate(sources, kind);
        await DryRunOutput.WriteAsync(rows, format, runs.Pricing, stdout).ConfigureAwait(false);
        foreach (var failed in rows.Where(r => r.Error is not null))
        {
            await stderr.WriteLineAsync($"error: {VisibleText.Escape(failed.Source)}: {VisibleText.Escape(failed.Error)}").ConfigureAwait(false);
        }
        return rows.Any(r => r.Error is not null) ? ExitCodes.Error : ExitCodes.Pass;
    }
}
