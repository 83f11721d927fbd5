using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewPanel.Cli.Commands;
using ReviewPanel.Storage;
using ReviewPanel.Viewing;

namespace ReviewPanel.Cli.Serve;

/// <summary>
/// The Kestrel host of <c>reviewpanel serve</c>: loopback only, GET routes that call <see cref="HistoryViewer"/> and
/// return its server-rendered pages. The viewer instance comes from the command's composition root; nothing is resolved here.
/// </summary>
internal static class ViewerHost
{
    public static WebApplication Build(HistoryViewer viewer, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        app.MapGet("/", async (CancellationToken ct) => Page(ViewerPages.Runs(await viewer.ListRunsAsync(500, ct).ConfigureAwait(false))));
        app.MapGet("/runs/{runId}", async (string runId, HttpRequest request, CancellationToken ct) =>
        {
            var model = await viewer.LoadRunAsync(runId, ct).ConfigureAwait(false);
            return model is null ? NotFound($"no run {runId}") : Page(ViewerPages.Run(model, FilterFrom(request.Query)));
        });
        app.MapGet("/profiles/{profileId}", async (string profileId, string? run, CancellationToken ct) =>
        {
            var view = await viewer.LoadProfileAsync(profileId, string.IsNullOrEmpty(run) ? null : run, ct).ConfigureAwait(false);
            return view is null ? NotFound($"no verdict of profile {profileId}{(run is null ? "" : $" in run {run}")}") : Page(ViewerPages.Profile(view, viewer.PassThreshold));
        });
        app.MapGet("/compare", async (string? a, string? b, string? flipped, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
            {
                return NotFound("compare needs two runs: /compare?a=<run>&b=<run>");
            }
            var comparison = await viewer.CompareAsync(a, b, ct).ConfigureAwait(false);
            return comparison is null ? NotFound($"unknown run {a} or {b}") : Page(ViewerPages.Compare(comparison, flipped == "1"));
        });
        app.MapGet("/queue", async (CancellationToken ct) =>
        {
            var status = await viewer.QueueStatusAsync(ct).ConfigureAwait(false);
            var waiting = new List<WorkItem>();
            foreach (var state in new[] { WorkState.Leased, WorkState.Queued, WorkState.Errored })
            {
                waiting.AddRange(await viewer.QueueItemsAsync(state, 200, ct).ConfigureAwait(false));
            }
            return Page(ViewerPages.Queue(status, waiting, await viewer.QueueItemsAsync(WorkState.Dead, 200, ct).ConfigureAwait(false)));
        });
        return app;
    }

    public static async Task<int> RunAsync(HistoryViewer viewer, int port, TextWriter stdout, CancellationToken cancellationToken)
    {
        await using var app = Build(viewer, port);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // With --port 0 Kestrel picks a free port; the bound address is known only now.
        var url = app.Urls.FirstOrDefault() ?? $"http://127.0.0.1:{port}";
        await stdout.WriteLineAsync($"serving the history on {url.TrimEnd('/')}/ (Ctrl+C to stop)").ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the command line cancels the token; stopping below is the normal end.
        }
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Pass;
    }

    internal static RunFilter FilterFrom(IQueryCollection q) => new()
    {
        Sort = q["sort"].FirstOrDefault() is { Length: > 0 } s ? s : "profile",
        Descending = q["desc"] == "1",
        FailingOnly = q["failing"] == "1",
        Dimension = q["dimension"].FirstOrDefault() is { Length: > 0 } d ? d : null,
        Reviewer = q["reviewer"].FirstOrDefault() is { Length: > 0 } r ? r : null,
        Search = q["q"].FirstOrDefault() is { Length: > 0 } t ? t : null,
    };

    private static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static IResult NotFound(string what) => Results.Content(ViewerPages.NotFound(what), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
