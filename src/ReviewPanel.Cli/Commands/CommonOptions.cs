using System.CommandLine;
using ReviewPanel.Panel;

namespace ReviewPanel.Cli.Commands;

/// <summary>Options several commands share, spelled once, and the command line as the history records it.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// <c>--panel offline|llm|all</c>, shown lowercase in help as README writes it (parsing ignores case). No default
    /// factory: help would print it as <c>[default: Offline]</c>; an absent option is <c>default(PanelKind)</c>, Offline.
    /// </summary>
    public static Option<PanelKind> Panel() => new("--panel")
    {
        Description = "Reviewers: offline heuristics (default), llm personas, or all.",
        HelpName = "offline|llm|all",
    };

    /// <summary><c>--only-failing</c>: the table and JSON list only profiles that did not pass (the summary line still counts all).</summary>
    public static Option<bool> OnlyFailing() => new("--only-failing") { Description = "Print only the profiles that failed or errored; the summary still counts all." };

    /// <summary>The command line recorded with a run: the parsed tokens, which already start with the verb.</summary>
    public static string RecordedCommand(ParseResult parse) => string.Join(' ', parse.Tokens.Select(t => t.Value));
}
