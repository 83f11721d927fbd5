using System.Diagnostics;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>
/// The CLI as a user installs it: packed as a dotnet tool, installed into a temp tool path from that folder only
/// (offline), and run from a folder that has no appsettings.json or prompts, so the shipped copies must be found.
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PackedTool_InstalledIntoAToolPath_PrintsItsVersionAndReviewsAFixtureOutsideTheRepo()
    {
        var packages = Path.Combine(_dir.Path, "packages");
        var tools = Path.Combine(_dir.Path, "tools");
        var work = Path.Combine(_dir.Path, "work");
        Directory.CreateDirectory(work);
        // Only the local folder: nothing may be looked up elsewhere, and no cached copy of an older pack may win.
        _dir.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_dir.Path, "nuget-cache") };

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var pack = await RunAsync("dotnet", _dir.Path, environment, "pack", RepoFiles.Path("src", "ReviewPanel.Cli", "ReviewPanel.Cli.csproj"),
            "--no-build", "-c", configuration, "-o", packages, "-nologo");
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

        var install = await RunAsync("dotnet", _dir.Path, environment, "tool", "install", "--tool-path", tools,
            "--configfile", Path.Combine(_dir.Path, "nuget.config"), "--add-source", packages, "--ignore-failed-sources", "reviewpanel");
        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);

        var reviewpanel = Path.Combine(tools, "reviewpanel");
        var version = await RunAsync(reviewpanel, work, null, "--version");
        Assert.True(version.ExitCode == 0, version.Stderr);
        Assert.StartsWith("0.1.0", version.Stdout.Trim(), StringComparison.Ordinal);

        var review = await RunAsync(reviewpanel, work, null, "review", RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt"), "--format", "json");
        Assert.True(review.ExitCode == 1, review.Stderr + review.Stdout);
        Assert.Contains("\"verdict\": \"fail\"", review.Stdout, StringComparison.Ordinal);
        Assert.Contains("consistency", review.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, ".reviewpanel", "history.db")), "the history goes into the working directory");
    }

    private static async Task<CliProcess.Result> RunAsync(string file, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }
}
