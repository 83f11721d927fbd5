using Microsoft.Extensions.Logging;
using ReviewPanel.Emulator;

// Standalone runner: `dotnet run --project tests/ReviewPanel.Emulator -- --port 5099 --policy low`. See docs/emulator.md.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

EmulatorOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (Exception e) when (e is ArgumentException or System.ComponentModel.DataAnnotations.ValidationException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var server = await EmulatorServer.StartAsync(
    options,
    logging => logging
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("ReviewPanel", LogLevel.Debug),
    stop.Token);
Console.WriteLine($"Azure OpenAI emulator on {server.BaseUri} (OpenAI-compatible: {new Uri(server.BaseUri, "v1")}), api key '{server.ApiKey}', policy {options.Default.Policy.ToName()}. Ctrl+C stops.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C: fall through to dispose.
}

return 0;
