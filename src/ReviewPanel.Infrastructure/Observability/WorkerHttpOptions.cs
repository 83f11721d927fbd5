using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Observability;

/// <summary>The worker's loopback HTTP host, bound to <c>ReviewPanel:Worker</c> (only the keys used here).</summary>
public sealed class WorkerHttpOptions
{
    public const string SectionName = "ReviewPanel:Worker";

    /// <summary>
    /// Port of <c>http://127.0.0.1:{port}/</c>, one Kestrel host serving the viewer pages, /healthz, /readyz and
    /// /metrics. Default 9464 (Prometheus exporters' usual port); 0 turns the host off (e.g. several workers on one machine).
    /// </summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 9464;
}
