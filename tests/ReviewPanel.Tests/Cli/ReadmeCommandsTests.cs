using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Cli.Commands;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>
/// README's commands are checked against the product (issue 15): every <c>reviewpanel …</c> line of its code blocks
/// parses with the real command tree (so no option, verb or value in the docs is invented or stale), and the ones that
/// need no model, network or long-running server run as written, in order, in a copy of <c>fixtures/</c>, and end
/// with the exit code the docs promise (0 or 1 — never 2, "could not judge").
/// </summary>
public sealed partial class ReadmeCommandsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    /// <summary>One README command: its source line and its arguments after the program name.</summary>
    public sealed record ReadmeCommand(int Line, string Text, IReadOnlyList<string> Args)
    {
        public override string ToString() => $"README.md:{Line}: {Text}";
    }

    public static IReadOnlyList<ReadmeCommand> Commands { get; } = Extract(File.ReadAllLines(RepoFiles.Path("README.md")));

    [Fact]
    public void Readme_HasTheCommandsOfEveryVerb()
    {
        var verbs = Commands.Select(c => c.Args[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var verb in new[] { "review", "serve", "waive", "show", "probe", "worker", "enqueue", "queue" })
        {
            Assert.Contains(verb, verbs);
        }
    }

    [Fact]
    public void EveryReadmeCommand_ParsesWithTheRealCommandTree()
    {
        var broken = Commands
            .Select(c => (Command: c, Errors: ReviewPanelCommandLine.CreateRoot().Parse([.. c.Args]).Errors))
            .Where(x => x.Errors.Count > 0)
            .Select(x => $"{x.Command}\n    {string.Join("; ", x.Errors.Select(e => e.Message))}")
            .ToList();
        Assert.True(broken.Count == 0, "README commands the CLI rejects:\n" + string.Join("\n", broken));
    }

    [Fact]
    public async Task OfflineReadmeCommands_RunAsWrittenAndExitAsDocumented()
    {
        CopyFixtures(RepoFiles.Path("fixtures", "profiles"), Path.Combine(_dir.Path, "fixtures", "profiles"));
        var runnable = Commands.Where(IsRunnableOffline).ToList();
        Assert.True(runnable.Count >= 4, $"expected the offline review, repairs, show and probe examples; found {runnable.Count}");
        foreach (var command in runnable)
        {
            var result = await CliProcess.RunAsync(_dir.Path, null, [.. command.Args]);
            Assert.True(result.ExitCode is 0 or 1, $"{command} exited {result.ExitCode}:\n{result.Stderr}");
            Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        }
        // What the README says these print or write.
        Assert.True(File.Exists(Path.Combine(_dir.Path, "repairs.jsonl")), "review --repairs repairs.jsonl wrote no file");
    }

    /// <summary>
    /// Needs no model endpoint, network, server that runs until stopped, or input the reader must supply: placeholders
    /// (<c>&lt;…&gt;</c>), other folders (<c>golden/</c>, <c>drafts/</c>), the LLM panel, the worker and the viewer.
    /// </summary>
    private static bool IsRunnableOffline(ReadmeCommand c)
    {
        if (c.Args[0] is not ("review" or "show" or "probe" or "history")) return false;
        if (c.Text.Contains('<', StringComparison.Ordinal)) return false;
        var panel = c.Args.SkipWhile(a => a != "--panel").Skip(1).FirstOrDefault();
        if (panel is not null && panel != "offline") return false;
        // Its inputs must be the fixtures copied here.
        return c.Args.Skip(1).Where(a => !a.StartsWith('-') && a.Contains('/', StringComparison.Ordinal))
            .All(a => a.StartsWith("fixtures/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The commands of README's bash blocks: <c>reviewpanel …</c> and <c>dotnet run --project src/ReviewPanel.Cli -- …</c>
    /// lines, continuation lines joined, trailing comments dropped, optional <c>[…]</c> parts kept without brackets and
    /// <c>&lt;…&gt;</c> placeholders given a value (their shape is still checked by the parser).
    /// </summary>
    internal static IReadOnlyList<ReadmeCommand> Extract(IReadOnlyList<string> lines)
    {
        var commands = new List<ReadmeCommand>();
        var inBash = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line.Trim() == "```bash";
                continue;
            }
            if (!inBash) continue;
            var number = i + 1;
            var text = line;
            while (text.TrimEnd().EndsWith('\\') && i + 1 < lines.Count)
            {
                text = text.TrimEnd()[..^1] + " " + lines[++i].Trim();
            }
            text = TrailingComment().Replace(text, "").Trim();
            string? rest = null;
            if (text.StartsWith("reviewpanel ", StringComparison.Ordinal)) rest = text["reviewpanel ".Length..];
            else if (text.StartsWith("dotnet run --project src/ReviewPanel.Cli -- ", StringComparison.Ordinal)) rest = text["dotnet run --project src/ReviewPanel.Cli -- ".Length..];
            if (rest is null) continue;
            rest = Optional().Replace(rest, "$1");
            rest = Placeholder().Replace(rest, "placeholder");
            var args = Split(rest);
            if (args.Count > 0) commands.Add(new ReadmeCommand(number, text, args));
        }
        return commands;
    }

    /// <summary>Shell-like word splitting: spaces separate, double and single quotes group.</summary>
    private static List<string> Split(string text)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else current.Append(c);
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                any = true;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0 || any) args.Add(current.ToString());
                current.Clear();
                any = false;
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0 || any) args.Add(current.ToString());
        return args;
    }

    private static void CopyFixtures(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    // "   # a comment" after the command (not a "#1" inside a word).
    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"\[([^\[\]]*)\]")]
    private static partial Regex Optional();

    [GeneratedRegex(@"<[^<>]+>")]
    private static partial Regex Placeholder();

    public void Dispose() => _dir.Dispose();
}
