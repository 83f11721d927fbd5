using System.Diagnostics;
using System.Text;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>A long-running <c>reviewpanel worker</c> child process that a test can kill (SIGKILL) or stop (SIGTERM).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly StringBuilder stdout = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public static WorkerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Several workers share this machine in tests: no HTTP endpoints unless a test asks for a port.
        var env = new Dictionary<string, string>(environment);
        env.TryAdd("ReviewPanel__Worker__HttpPort", "0");
        var start = CliProcess.StartInfo(workingDirectory, env, ["worker", .. args]);
        var process = Process.Start(start)!;
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => Append(worker.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(worker.stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (sb)
        {
            sb.AppendLine(line);
        }
    }

    /// <summary>kill -9: no handler runs, leases stay behind until they expire.</summary>
    public void KillHard() => process.Kill(entireProcessTree: false);

    /// <summary>kill -TERM: the host's console lifetime stops the worker gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>The exit code, or a failure naming the stderr when it does not exit in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"worker {process.Id} did not exit within {timeout}; stderr:\n{Stderr}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
    }
}
