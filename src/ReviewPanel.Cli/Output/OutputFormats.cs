using System.CommandLine;

namespace ReviewPanel.Cli.Output;

internal static class OutputFormats
{
    public static Option<string> Option(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(", ", formats)}.", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
