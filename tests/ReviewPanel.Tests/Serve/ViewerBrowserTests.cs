using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReviewPanel.Tests.Cli;
using ReviewPanel.Tests.Profiles;
using ReviewPanel.Tests.Reporting;

namespace ReviewPanel.Tests.Serve;

/// <summary>
/// <c>reviewpanel serve</c> in a child process over a history of two runs in which one profile flips from pass to fail,
/// driven through the system Chromium by Playwright as a person would: runs list, filter and search a run, open a
/// drill-down, compare the two runs, waive from a drill-down. Skips only without Chromium locally; under CI=true it fails instead.
/// </summary>
public sealed partial class ViewerBrowserTests : IAsyncLifetime
{
    private const string Sre = "INFRAS.DEVOPSSIA2C1.P6";
    private readonly TempFolder _dir = new();
    private Process? _server;
    private string _baseUrl = "";
    private string _runA = "", _runB = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Path))
        {
            return;
        }
        var inbox = Path.Combine(_dir.Path, "in");
        Directory.CreateDirectory(inbox);
        File.Copy(RepoFiles.Path("fixtures", "profiles", "data-platform-p4.txt"), Path.Combine(inbox, "data.txt"));
        File.Copy(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6-deduplicated.txt"), Path.Combine(inbox, "sre.txt"));
        _runA = RunId(await CliProcess.RunAsync(_dir.Path, null, "review", "in", "--format", "json"));
        // The same profile, now with its repeated paragraph: it fails in the second run.
        File.Copy(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt"), Path.Combine(inbox, "sre.txt"), overwrite: true);
        _runB = RunId(await CliProcess.RunAsync(_dir.Path, null, "review", "in", "--format", "json"));
        _server = Process.Start(CliProcess.StartInfo(_dir.Path, null, ["serve", "--port", "0"]))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            var line = await _server.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("serve exited: " + await _server.StandardError.ReadToEndAsync());
            if (Url().Match(line) is { Success: true } m)
            {
                _baseUrl = m.Value.TrimEnd('/');
                break;
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
        }
        _server?.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    private static string RunId(CliProcess.Result result) =>
        RunIdPattern().Match(result.Stdout) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(result.Stderr + result.Stdout);

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ChromiumFactAttribute.Path), $"CI=true requires Chromium at {ChromiumFactAttribute.Path} (apt-get install -y chromium).");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync();
        // Generous: the machine (and CI) is shared, and a slow page is not what this test is about.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    [ChromiumFact]
    public async Task Serve_InChromium_ListsRunsFiltersARunOpensADrillDownAndComparesTwoRuns()
    {
        // A waiver recorded on the command line, shown on the drill-down below.
        var show = await CliProcess.RunAsync(_dir.Path, null, "show", Sre, "--format", "json");
        var version = System.Text.Json.JsonDocument.Parse(show.Stdout).RootElement.GetProperty("versionHash").GetString()!;
        var waive = await CliProcess.RunAsync(_dir.Path, null, "waive", Sre, "--version", version, "--all", "--by", "carol", "--reason", "accepted for the pilot");
        Assert.True(waive.ExitCode == 0, waive.Stderr);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        // Runs list: both runs, newest first.
        await page.GotoAsync(_baseUrl + "/");
        Assert.Equal(2, await page.Locator("#runs tbody tr").CountAsync());
        Assert.Contains(_runB, await page.Locator("#runs tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);

        // One run: all profiles, then failing only, then a search, then sorted by minimum descending.
        await page.Locator($"#runs a:text-is('{_runB}')").ClickAsync();
        await page.WaitForURLAsync(new Regex("/runs/"));
        Assert.Equal(2, await page.Locator("#profiles tbody tr").CountAsync());
        await page.Locator("#profiles tbody tr").Nth(1).WaitForAsync();
        await page.Locator("#failing").CheckAsync();
        await page.Locator("#apply").ClickAsync();
        await page.WaitForURLAsync(new Regex("failing=1"));
        Assert.Equal([Sre], await page.Locator("#profiles tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.profile)"));
        await page.Locator("#failing").UncheckAsync();
        await page.Locator("#q").FillAsync("dataplat");
        await page.Locator("#apply").ClickAsync();
        await page.WaitForURLAsync(new Regex("q=dataplat"));
        Assert.Equal(["DATA.DATAPLATENG3B2.P4"], await page.Locator("#profiles tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.profile)"));
        await page.GotoAsync($"{_baseUrl}/runs/{_runB}?dimension=consistency&reviewer=heuristic.duplication");
        Assert.Equal([Sre], await page.Locator("#profiles tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.profile)"));

        // Drill-down: reviews with rationale, the repeated paragraph highlighted in the layer text, the veto, the chart.
        await page.Locator($"#profiles a:text-is('{Sre}')").ClickAsync();
        await page.WaitForURLAsync(new Regex("/profiles/"));
        var body = await page.Locator("main").InnerTextAsync();
        Assert.Contains("heuristic.duplication", body, StringComparison.Ordinal);
        Assert.Contains("Text repeated 3 times", body, StringComparison.Ordinal);
        Assert.Contains("vetoed by heuristic.duplication", body, StringComparison.Ordinal);
        Assert.True(await page.Locator("#layer-summary pre mark").CountAsync() >= 2, "the repeated paragraph is highlighted twice in the summary layer");
        Assert.Equal(1, await page.Locator("svg.ch").CountAsync());
        Assert.Contains("effective verdict PASS", await page.Locator("#effective").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("by carol", await page.Locator(".waiver").InnerTextAsync(), StringComparison.Ordinal);

        // Compare: the form on the runs page defaults to older → newer; the SRE profile flipped, its layer text changed.
        await page.GotoAsync(_baseUrl + "/");
        await page.Locator("#compare-form button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/compare"));
        Assert.Contains("2 shared profiles, 1 flipped", await page.Locator("#summary").InnerTextAsync(), StringComparison.Ordinal);
        var flipped = page.Locator("#deltas tr.flip");
        Assert.Equal(1, await flipped.CountAsync());
        Assert.Equal(Sre, await flipped.GetAttributeAsync("data-profile"));
        Assert.Contains("text: ", await flipped.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("rubric unchanged", await page.Locator("#changes").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#toggle-flipped").ClickAsync();
        await page.WaitForURLAsync(new Regex("flipped=1"));
        Assert.Equal(1, await page.Locator("#deltas tbody tr").CountAsync());

        // The queue page answers (empty queue).
        await page.GotoAsync(_baseUrl + "/queue");
        Assert.Contains("queued", await page.Locator("#counts").InnerTextAsync(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Serve_InChromium_WaiveFromTheDrillDown_EffectiveVerdictPassesAndBadInputIsA400NamingIt()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        var profileUrl = $"{_baseUrl}/profiles/{Sre}";

        // Failing, nothing waived: no effective verdict line, the form open with the failing dimension to choose.
        await page.GotoAsync(profileUrl);
        Assert.Equal(0, await page.Locator("#effective").CountAsync());
        Assert.Equal(0, await page.Locator(".waiver").CountAsync());
        Assert.Contains("consistency", await page.Locator("#waive-dimension option").AllInnerTextsAsync());

        // An expiry in the past: the same check as `reviewpanel waive`, a 400 page naming it, nothing recorded.
        await page.Locator("#waive-dimension").SelectOptionAsync("consistency");
        await page.Locator("#waive-by").FillAsync("dana");
        await page.Locator("#waive-reason").FillAsync("known duplicate, fixed upstream");
        await page.Locator("#waive-expires").FillAsync("2020-01-01");
        var rejected = await page.RunAndWaitForResponseAsync(() => page.Locator("#waive-submit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, rejected.Status);
        Assert.Contains("expires is in the past", await page.Locator("#problem").InnerTextAsync(), StringComparison.Ordinal);

        // The real waiver: back on the profile page (a GET after 303), the effective verdict passes and the waiver is listed.
        await page.GotoAsync(profileUrl);
        await page.Locator("#waive-dimension").SelectOptionAsync("consistency");
        await page.Locator("#waive-by").FillAsync("dana");
        await page.Locator("#waive-reason").FillAsync("known duplicate, fixed upstream");
        var accepted = await page.RunAndWaitForResponseAsync(() => page.Locator("#waive-submit").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(303, accepted.Status);
        await page.WaitForURLAsync(new Regex("/profiles/.+\\?run="));
        Assert.Contains("effective verdict PASS", await page.Locator("#effective").InnerTextAsync(), StringComparison.Ordinal);
        var waiver = await page.Locator(".waiver").InnerTextAsync();
        Assert.Contains("consistency by dana", waiver, StringComparison.Ordinal);
        Assert.Contains("known duplicate, fixed upstream", waiver, StringComparison.Ordinal);

        // A post without the page's antiforgery token (another site's form, a script) is refused and records nothing.
        var forged = await page.APIRequest.PostAsync(profileUrl + "/waive", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Append("version", "0123456789abcdef").Append("dimension", "all").Append("by", "mallory").Append("reason", "x"),
        });
        Assert.Equal(400, forged.Status);
        Assert.Contains("antiforgery", await forged.TextAsync(), StringComparison.Ordinal);

        // The waiver is in the history's chain, as one recorded on the command line would be.
        var verify = await CliProcess.RunAsync(_dir.Path, null, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr + verify.Stdout);
        Assert.Contains("waivers intact: 1 records", verify.Stdout, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex Url();

    [GeneratedRegex("\"runId\": \"([^\"]+)\"")]
    private static partial Regex RunIdPattern();
}
