using System.CommandLine;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Probing;

namespace ReviewPanel.Cli.Commands;

/// <summary>
/// <c>reviewpanel probe &lt;files|folders&gt;</c>: plants known defects in the passing originals and reports how many the
/// panel catches, per class (docs/probe.md). <c>probe show &lt;run&gt;</c> rebuilds a report from the history;
/// <c>probe compare &lt;runA&gt; &lt;runB&gt;</c> lists the classes that lost recall. Exit 0: every gated class meets its recall
/// (compare: none lost); 1: one does not; 2: errors.
/// </summary>
public static class ProbeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Original profiles (.txt, .json) or folders.", Arity = ArgumentArity.OneOrMore };
        var panel = CommonOptions.Panel();
        var classes = new Option<string?>("--classes") { Description = $"Comma-separated defect classes (default all): {string.Join(", ", MutationOperators.All.Select(o => o.Class))}." };
        var perClass = new Option<int>("--per-class") { Description = "Mutants per class and original (default 1).", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the operators' random choices (default 1): same seed, same mutants.", DefaultValueFactory = _ => 1 };
        var format = OutputFormats.Option("table", "json", "html");
        var outDir = new Option<string?>("--out") { Description = "Also write probe.json and probe.html into this folder." };
        var minRecall = MinRecall();

        var command = new Command("probe", "Measure the panel's sensitivity: review profiles with seeded defects and report recall per defect class.");
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { panel, classes, perClass, seed, format, outDir, minRecall })
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, ct) => CommandRunner.RunAsync<ProbeService>(parse, async (probes, stdout, stderr, token) =>
        {
            var request = new ProbeRequest
            {
                Paths = parse.GetRequiredValue(paths),
                Classes = (parse.GetValue(classes) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                PerClass = parse.GetValue(perClass),
                Seed = parse.GetValue(seed),
            };
            var kind = parse.GetValue(panel);
            var result = await probes.RunAsync(kind, CommonOptions.RecordedCommand(parse), request, token).ConfigureAwait(false);
            return await PrintAsync(result.Report, result.Problems, parse.GetValue(minRecall), parse.GetRequiredValue(format), parse.GetValue(outDir), stdout, stderr).ConfigureAwait(false);
        }, ct));
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Compare());
        return command;
    }

    private static Command Show()
    {
        var run = new Argument<string>("run") { Description = "A probe run id (the mutants run a probe printed)." };
        var format = OutputFormats.Option("table", "json", "html");
        var minRecall = MinRecall();
        var command = new Command("show", "Rebuild a probe's report from the history.");
        command.Arguments.Add(run);
        command.Options.Add(format);
        command.Options.Add(minRecall);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<ProbeService>(parse, async (probes, stdout, stderr, token) =>
        {
            var report = await LoadAsync(probes, parse.GetRequiredValue(run), stderr, token).ConfigureAwait(false);
            return report is null ? ExitCodes.Error
                : await PrintAsync(report, [], parse.GetValue(minRecall), parse.GetRequiredValue(format), null, stdout, stderr).ConfigureAwait(false);
        }, ct));
        return command;
    }

    private static Command Compare()
    {
        var before = new Argument<string>("before") { Description = "The earlier probe run id." };
        var after = new Argument<string>("after") { Description = "The later probe run id." };
        var format = OutputFormats.Option("table", "json");
        var command = new Command("compare", "Compare two probe runs: which defect classes lost recall. Exit 0: none lost; 1: some lost; 2: errors.");
        command.Arguments.Add(before);
        command.Arguments.Add(after);
        command.Options.Add(format);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<ProbeService>(parse, async (probes, stdout, stderr, token) =>
        {
            var a = await LoadAsync(probes, parse.GetRequiredValue(before), stderr, token).ConfigureAwait(false);
            var b = a is null ? null : await LoadAsync(probes, parse.GetRequiredValue(after), stderr, token).ConfigureAwait(false);
            if (a is null || b is null)
            {
                return ExitCodes.Error;
            }
            var drift = ProbeDrift.Compare(a, b);
            await ProbeOutput.WriteAsync(drift, parse.GetRequiredValue(format), stdout).ConfigureAwait(false);
            return drift.Lost.Count > 0 ? ExitCodes.Fail : ExitCodes.Pass;
        }, ct));
        return command;
    }

    private static Option<double?> MinRecall()
    {
        var option = new Option<double?>("--min-recall") { Description = "Recall every class must reach (0..1). Default: 1.0 for the classes the offline heuristics cover, when they are on the panel." };
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is < 0 or > 1)
            {
                r.AddError("--min-recall must be between 0 and 1.");
            }
        });
        return option;
    }

    private static async Task<ProbeReport?> LoadAsync(ProbeService probes, string runId, TextWriter stderr, CancellationToken token)
    {
        try
        {
            return await probes.LoadAsync(runId, token).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<int> PrintAsync(ProbeReport? report, IReadOnlyList<string> problems, double? minRecall, string format, string? outDir,
        TextWriter stdout, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
        }
        if (report is null)
        {
            return ExitCodes.Error;
        }
        report = ProbeGate.Apply(report, minRecall);
        await ProbeOutput.WriteAsync(report, format, stdout).ConfigureAwait(false);
        if (outDir is not null)
        {
            await ProbeOutput.WriteFilesAsync(report, outDir).ConfigureAwait(false);
        }
        return ProbeGate.ExitCode(report);
    }
}
