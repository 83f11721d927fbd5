using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ReviewPanel.Tests.Cli.Worker;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli;

/// <summary>
/// Inputs that used to hang or multiply (issue 13, item 4), through the real executable: a FIFO named <c>*.txt</c>, a
/// folder with two symlinks to itself, a subfolder that cannot be listed. Each run has a timeout: a hang fails the test.
/// </summary>
public sealed class HostileInputProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempFolder dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    private string Good(string name = "good.txt")
    {
        var target = Path.Combine(dir.Path, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), target);
        return target;
    }

    internal static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(CliProcess.StartInfo(dir.Path, null, args), Timeout);

    [LinuxFact]
    public async Task Review_FifoNamedTxt_IsOneErrorLineNeverOpenedAndExitsTwo()
    {
        Good();
        MakeFifo(Path.Combine(dir.Path, "in", "pipe.txt"));

        var result = await RunAsync("review", "in");

        Assert.True(result.ExitCode == 2, result.Stderr + result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: {Path.Combine("in", "pipe.txt")}: not a regular file (a named pipe (FIFO)); not opened", line);
        Assert.Contains("1 passed, 0 failed, 1 errored of 2", result.Stdout, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task Enqueue_FifoNamedTxt_IsAnErrorLineNotQueuedAndExitsTwo()
    {
        Good();
        MakeFifo(Path.Combine(dir.Path, "in", "pipe.txt"));

        var result = await RunAsync("enqueue", "in");

        Assert.True(result.ExitCode == 2, result.Stderr + result.Stdout);
        Assert.Contains("pipe.txt: not a regular file (a named pipe (FIFO)); not opened; not queued", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"^run run-\S+: 1 queued", result.Stdout);
    }

    [LinuxFact]
    public async Task Worker_FifoInInbox_IsSetAsideNeverOpenedAndTheRestIsReviewed()
    {
        var inbox = Path.Combine(dir.Path, "inbox");
        GeneratedProfiles.Write(inbox, 2);
        MakeFifo(Path.Combine(inbox, "pipe.txt"));
        // Older than the settle time, so the first scan takes everything.
        foreach (var f in Directory.GetFiles(inbox))
        {
            File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddMinutes(-1));
        }

        using var worker = WorkerProcess.Start(dir.Path, new Dictionary<string, string> { ["ReviewPanel__Worker__PollMilliseconds"] = "100" }, "--inbox", "inbox", "--exit-when-idle");
        Assert.Equal(0, await worker.WaitForExitAsync(Timeout));

        Assert.Equal(["pipe.txt"], Directory.GetFileSystemEntries(Path.Combine(inbox, ".rejected")).Select(Path.GetFileName));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(inbox, ".accepted")).Length);
        Assert.Contains("not a regular file (a named pipe (FIFO))", worker.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_TwoSymlinksToTheFolderItself_ReviewsEachFileOnceAndEnds()
    {
        Good();
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "in", "loop-a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "in", "loop-b"), ".");

        var result = await RunAsync("review", "in");

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("1 passed, 0 failed, 0 errored of 1", result.Stdout, StringComparison.Ordinal);
    }

    [LinuxFact(needsSetpriv: true)]
    public async Task Review_UnreadableSubfolder_IsAnErrorLineAndExitsTwo()
    {
        // Tests run as root, and root reads a chmod 000 folder: the child drops CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH (setpriv).
        var start = CliProcess.StartInfoWithoutPermissionOverride(dir.Path, null, ["review", "in"]);
        if (start is null || OperatingSystem.IsWindows())
        {
            return;
        }
        Good();
        var locked = Path.Combine(dir.Path, "in", "locked");
        Directory.CreateDirectory(locked);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), Path.Combine(locked, "hidden.txt"));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var result = await CliProcess.RunAsync(start!, Timeout);

            Assert.True(result.ExitCode == 2, result.Stderr + result.Stdout);
            Assert.Contains($"error: {Path.Combine("in", "locked")}: cannot read folder:", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("1 passed, 0 failed, 1 errored of 2", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
