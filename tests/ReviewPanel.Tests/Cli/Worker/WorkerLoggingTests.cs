using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>The worker says what it does at the shipped log level (appsettings.json: Default=Warning).</summary>
public sealed class WorkerLoggingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Worker_AtTheShippedLogLevel_LogsAStartLineOneLinePerVerdictAndASummary()
    {
        var env = new Dictionary<string, string>
        {
            ["ReviewPanel__Worker__PollMilliseconds"] = "100",
            ["ReviewPanel__Worker__HttpPort"] = "0",
            ["ReviewPanel__Worker__WorkerId"] = "log-test",
        };
        GeneratedProfiles.Write(Path.Combine(_dir.Path, "drafts"), 3);
        var enqueue = await CliProcess.RunAsync(_dir.Path, env, "enqueue", "drafts");
        Assert.True(enqueue.ExitCode == 0, enqueue.Stderr);

        var worker = await CliProcess.RunAsync(_dir.Path, env, "worker", "--exit-when-idle");

        Assert.True(worker.ExitCode == 0, worker.Stderr);
        Assert.Contains("Worker log-test started", worker.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, worker.Stderr.Split('\n').Count(l => l.Contains("done by log-test: Pass", StringComparison.Ordinal)));
        Assert.Matches(@"Worker log-test stopped after [0-9:.]+: 3 job\(s\) done \(3 passed, 0 failed, 0 errored\), 0 job error\(s\)", worker.Stderr);
    }
}
