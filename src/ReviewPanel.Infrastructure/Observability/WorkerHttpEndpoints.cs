using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewPanel.Observability;

/// <summary>
/// The worker's loopback HTTP server: <c>/healthz</c> (200 while the process serves), <c>/readyz</c> (200 or 503 with
/// the reason from <see cref="IReadinessCheck"/>) and <c>/metrics</c> (Prometheus text from <see cref="MetricsCollector"/>).
/// <see cref="HttpListener"/> rather than Kestrel: three GET routes on 127.0.0.1 need no framework reference, no
/// middleware and no second host; the listener is bound to loopback only, so nothing is exposed off the machine.
/// </summary>
public sealed partial class WorkerHttpEndpoints(
    IOptions<WorkerHttpOptions> options,
    MetricsCollector metrics,
    IReadinessCheck readiness,
    ILogger<WorkerHttpEndpoints> logger) : IHostedService, IDisposable
{
    private readonly HttpListener _listener = new();
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    /// <summary>The base address served, e.g. <c>http://127.0.0.1:9464/</c>.</summary>
    public Uri BaseUri { get; } = new($"http://127.0.0.1:{options.Value.HttpPort}/");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HttpPort == 0)
        {
            return Task.CompletedTask;
        }
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => AcceptLoopAsync(_stopping.Token), CancellationToken.None);
        LogListening(logger, BaseUri);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Idempotent: the container disposes it both as itself and as the hosted service.</summary>
    public void Dispose()
    {
        var stopping = Interlocked.Exchange(ref _stopping, null);
        if (stopping is not null)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
        if (_listener.IsListening || !_disposed)
        {
            _disposed = true;
            _listener.Close();
        }
    }

    private bool _disposed;

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context, stopping), CancellationToken.None);
        }
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "/";
            var (status, contentType, body) = context.Request.HttpMethod is "GET" or "HEAD"
                ? await RouteAsync(path, stopping).ConfigureAwait(false)
                : (405, "text/plain; charset=utf-8", "method not allowed\n");
            var bytes = Encoding.UTF8.GetBytes(body);
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength64 = bytes.Length;
            if (context.Request.HttpMethod != "HEAD")
            {
                await response.OutputStream.WriteAsync(bytes, stopping).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // one broken request (client gone, collector failure) must not stop the server
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRequestFailed(logger, ex);
        }
        finally
        {
            response.Close();
        }
    }

    private async Task<(int Status, string ContentType, string Body)> RouteAsync(string path, CancellationToken cancellationToken)
    {
        const string Text = "text/plain; charset=utf-8";
        switch (path)
        {
            case "/healthz":
                return (200, Text, "ok\n");
            case "/readyz":
                var reason = await readiness.NotReadyReasonAsync(cancellationToken).ConfigureAwait(false);
                return reason is null ? (200, Text, "ready\n") : (503, Text, "not ready: " + reason + "\n");
            case "/metrics":
                return (200, PrometheusTextRenderer.ContentType, PrometheusTextRenderer.Render(metrics.Collect()));
            default:
                return (404, Text, "not found; try /healthz, /readyz or /metrics\n");
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Worker endpoints listening on {BaseUri} (/healthz, /readyz, /metrics)")]
    private static partial void LogListening(ILogger logger, Uri baseUri);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "A worker endpoint request failed")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception);
}
