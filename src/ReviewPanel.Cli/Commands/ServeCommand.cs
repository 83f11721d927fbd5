using System.CommandLine;
using ReviewPanel.Cli.Serve;
using ReviewPanel.Viewing;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel serve [--port N]</c>: a web viewer of the history on 127.0.0.1 (read-only but for waivers recorded from a profile page).</summary>
public static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = $"TCP port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one and prints the URL).", DefaultValueFactory = _ => DefaultPort };
        port.Validators.Add(r =>
        {
            if (r.GetValue(port) is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535.");
            }
        });
        var command = new Command("serve", "Serve the history as web pages on 127.0.0.1: runs, one run with sort/filter/search, profile drill-down, compare two runs, the queue.");
        command.Options.Add(port);
        command.SetAction((parse, ct) => CommandRunner.RunAsync<HistoryViewer>(parse, (viewer, stdout, _, token) =>
            ViewerHost.RunAsync(viewer, parse.GetValue(port), stdout, token), ct));
        return command;
    }
}
