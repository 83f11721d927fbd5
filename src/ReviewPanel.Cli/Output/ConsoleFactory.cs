using Spectre.Console;

namespace ReviewPanel.Cli.Output;

/// <summary>A Spectre console over any writer: colour on a terminal, plain and wide (240, or <c>COLUMNS</c>) when redirected.</summary>
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
            // Redirected output has no width of its own: wide for logs, unless COLUMNS says what the reader has.
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 40
                ? columns
                : 240;
        }
        return console;
    }
}
