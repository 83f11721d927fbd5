using System.Diagnostics;

namespace ReviewPanel.Tests.Cli;

/// <summary>Runs the real <c>reviewpanel</c> executable in a child process, as a user would, with its own history file.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(StartInfo(workingDirectory, environment, args), TimeSpan.FromMinutes(2));

    /// <summary>Runs <paramref name="start"/>; a process still running after <paramref name="timeout"/> is killed and the test fails (a hang is a bug).</summary>
    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"reviewpanel {string.Join(' ', start.ArgumentList.Skip(1))} did not exit within {timeout}; stderr:\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// As <see cref="StartInfo"/>, but run through <c>setpriv</c> without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so that a
    /// test running as root meets permission bits (<c>chmod 000</c>) the way an ordinary user does. Null when setpriv is absent.
    /// </summary>
    public static ProcessStartInfo? StartInfoWithoutPermissionOverride(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args)
    {
        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        if (setpriv is null || !OperatingSystem.IsLinux())
        {
            return null;
        }
        var start = StartInfo(workingDirectory, environment, args);
        var inner = new List<string> { start.FileName };
        inner.AddRange(start.ArgumentList);
        start.FileName = setpriv;
        start.ArgumentList.Clear();
        start.ArgumentList.Add("--inh-caps=-dac_override,-dac_read_search");
        start.ArgumentList.Add("--bounding-set=-dac_override,-dac_read_search");
        foreach (var a in inner)
        {
            start.ArgumentList.Add(a);
        }
        return start;
    }

    /// <summary>How to start the executable: its own build output (same configuration as the tests), its own history file.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args)
    {
        // The executable from its own build output (same configuration as the tests), with its own deps.json.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(ReviewPanel.Tests.Profiles.RepoFiles.Root, "src", "ReviewPanel.Cli", "bin", configuration, "net10.0", "reviewpanel.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ReviewPanel__Store__Path"] = Path.Combine(workingDirectory, "history.db");
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        return start;
    }
}
