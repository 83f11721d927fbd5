using System.Buffers.Binary;
using System.Diagnostics;
using ReviewPanel.Reporting;
using ReviewPanel.Tests.Fixtures;

namespace ReviewPanel.Tests.Reporting;

/// <summary>
/// Renders the HTML report in headless Chromium, offline: a screenshot must come out at the window's size with real
/// content in it, and the DOM Chromium builds must carry the summary. Set REVIEWPANEL_TEST_ARTIFACTS to a folder to keep
/// the report and the screenshot for a person to look at.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [ChromiumFact]
    public async Task Render_HundredProfileReportInHeadlessChromium_UnderFiveMegabytesAndShowsTheSummary()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.Path), $"CI=true requires Chromium at {ChromiumFactAttribute.Path} (apt-get install -y chromium).");

        var model = ReportModelFixtures.Model(100);
        var summary = ReportSummary.From(model, new ReportOptions());
        var dir = Directory.CreateTempSubdirectory("reviewpanel-html-");
        try
        {
            var report = Path.Combine(dir.FullName, "report.html");
            var png = Path.Combine(dir.FullName, "report.png");
            new HtmlReportWriter().WriteFile(model, report);
            Assert.True(new FileInfo(report).Length < 5 * 1024 * 1024, $"report weighs {new FileInfo(report).Length} bytes");

            var (shotExit, _, shotErr) = await RunChromiumAsync(dir.FullName, $"--screenshot={png}", new Uri(report).AbsoluteUri);
            var (domExit, dom, domErr) = await RunChromiumAsync(dir.FullName, "--dump-dom", new Uri(report).AbsoluteUri);
            Keep(report, png);

            Assert.True(shotExit == 0, $"chromium --screenshot exited {shotExit}: {shotErr}");
            Assert.True(File.Exists(png), $"no screenshot written: {shotErr}");
            var bytes = await File.ReadAllBytesAsync(png);
            Assert.True(bytes.Length > 10 * 1024, $"screenshot is only {bytes.Length} bytes: a blank page?");
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
            Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));

            Assert.True(domExit == 0, $"chromium --dump-dom exited {domExit}: {domErr}");
            Assert.Contains($"Summary: {summary.Passed} passed, {summary.Failed} failed, {summary.Errors} error{(summary.Errors == 1 ? "" : "s")} of 100 profiles", dom, StringComparison.Ordinal);
            Assert.Contains(model.Profiles[0].ProfileId!, dom, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunChromiumAsync(string workDir, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("reviewpanel-chromium-");
        try
        {
            var start = new ProcessStartInfo(ChromiumFactAttribute.Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workDir,
            };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile.FullName}", "--window-size=1280,2000"])
            {
                start.ArgumentList.Add(a);
            }
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {string.Join(' ', args)} did not finish in {Timeout}.");
            }
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static void Keep(params string[] files)
    {
        var target = Environment.GetEnvironmentVariable("REVIEWPANEL_TEST_ARTIFACTS");
        if (string.IsNullOrEmpty(target))
        {
            return;
        }
        Directory.CreateDirectory(target);
        foreach (var file in files.Where(File.Exists))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
