using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewPanel.Cli.Commands;
using ReviewPanel.Storage;
using ReviewPanel.Viewing;

namespace ReviewPanel.Cli.Serve;

/// <summary>
/// The viewer's routes on Kestrel: GET routes that call <see cref="HistoryViewer"/> and return its server-rendered
/// pages, and the waive form's POST (antiforgery-checked). <c>reviewpanel serve</c> hosts them alone (loopback only);
/// the worker maps them beside /healthz, /readyz and /metrics on its own port. The viewer instance comes from the
/// caller's composition root; nothing is resolved here.
/// </summary>
internal static class ViewerHost
{
    public static WebApplication Build(HistoryViewer viewer, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        AddViewerServices(builder.Services);
        var app = builder.Build();
        app.MapViewer(viewer);
        return app;
    }

    /// <summary>What the routes need from the host: antiforgery, with keys that live as long as the process (a loopback viewer keeps no key ring on disk).</summary>
    public static IServiceCollection AddViewerServices(IServiceCollection services)
    {
        services.TryAddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        // Cookies are not scoped by port: a cookie name of this process's own keeps `serve` and a worker on the same
        // machine from overwriting each other's token (each could not read the other's, its keys being its own).
        services.AddAntiforgery(o => o.Cookie.Name = ".reviewpanel.antiforgery." + Guid.NewGuid().ToString("N")[..12]);
        return services;
    }

    public static IEndpointRouteBuilder MapViewer(this IEndpointRouteBuilder app, HistoryViewer viewer)
    {
        app.MapGet("/", async (CancellationToken ct) => Page(ViewerPages.Runs(await viewer.ListRunsAsync(500, ct).ConfigureAwait(false))));
        app.MapGet("/runs/{runId}", async (string runId, HttpRequest request, CancellationToken ct) =>
        {
            var model = await viewer.LoadRunAsync(runId, ct).ConfigureAwait(false);
            return model is null ? NotFound($"no run {runId}") : Page(ViewerPages.Run(model, FilterFrom(request.Query)));
        });
        app.MapGet("/profiles/{profileId}", async (string profileId, string? run, HttpContext context, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            var view = await viewer.LoadProfileAsync(profileId, string.IsNullOrEmpty(run) ? null : run, ct).ConfigureAwait(false);
            if (view is null)
            {
                return NotFound($"no verdict of profile {profileId}{(run is null ? "" : $" in run {run}")}");
            }
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Page(ViewerPages.Profile(view, viewer.PassThreshold, (tokens.FormFieldName, tokens.RequestToken!)));
        });
        app.MapPost("/profiles/{profileId}/waive", (string profileId, HttpContext context, IAntiforgery antiforgery, CancellationToken ct) =>
            WaiveAsync(viewer, profileId, context, antiforgery, ct));
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

    /// <summary>
    /// The waive form: antiforgery first, then the fields (the same checks as <c>reviewpanel waive</c>, in the same
    /// service), then 303 back to the drill-down, which shows the waiver and the effective verdict. Bad input is a 400 page naming the problem.
    /// </summary>
    private static async Task<IResult> WaiveAsync(HistoryViewer viewer, string profileId, HttpContext context, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return BadRequest("the waive form must be posted as a form");
        }
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest("the form's antiforgery token is missing or invalid; reload the profile page and submit again");
        }
        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var version = form["version"].ToString();
        var dimension = form["dimension"].ToString();
        var expiresText = form["expires"].ToString();
        if (version.Length < 8)
        {
            return BadRequest("version needs at least 8 characters of the version hash");
        }
        if (dimension.Length == 0)
        {
            return BadRequest("choose what to waive: a dimension, or all");
        }
        DateTimeOffset? expires = null;
        if (expiresText.Length > 0)
        {
            if (!DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return BadRequest($"expires '{expiresText}' is not a date (yyyy-mm-dd)");
            }
            expires = parsed;
        }
        IReadOnlyList<string> dimensions = dimension == "all" ? [] : [dimension];
        try
        {
            await viewer.WaiveAsync(profileId, version, dimensions, form["by"].ToString(), form["reason"].ToString(), expires, ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return BadRequest(ex.Message);
        }
        var run = form["run"].ToString();
        // 303 See Other: the browser follows with a GET, so a reload does not post the waiver twice.
        context.Response.Headers.Location = $"/profiles/{Uri.EscapeDataString(profileId)}{(run.Length > 0 ? "?run=" + Uri.EscapeDataString(run) : "")}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
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

    private static IResult BadRequest(string problem) => Results.Content(ViewerPages.BadRequest(problem), "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string what) => Results.Content(ViewerPages.NotFound(what), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
