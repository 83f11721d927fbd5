using Spectre.Console;

namespace ReviewPanel.Cli.Output;

/// <summary>A Spectre console over any writer: colour on a terminal, plain and wide when redirected.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 240;
        }
        return console;
    }
}
