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

// The host's console lifetime owns SIGTERM, SIGINT and SIGQUIT; waiting on it (not on a Ctrl+C handler of our own)
// is what lets `kill <pid>` stop the emulator cleanly.
await using var server = await EmulatorServer.StartAsync(
    options,
    logging => logging
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("ReviewPanel", LogLevel.Debug));
Console.WriteLine($"Azure OpenAI emulator on {server.BaseUri} (OpenAI-compatible: {new Uri(server.BaseUri, "v1")}), api key '{server.ApiKey}', policy {options.Default.Policy.ToName()}. Ctrl+C or SIGTERM stops.");
await server.WaitForShutdownAsync();
return 0;
