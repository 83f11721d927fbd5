using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Cli.Hosting;

/// <summary>Where spans and metrics go, bound to <c>ReviewPanel:Telemetry</c>. Off by default: output stays exactly as without it.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "ReviewPanel:Telemetry";

    public const string None = "none";
    public const string Console = "console";
    public const string Otlp = "otlp";

    /// <summary>Comma-separated: <c>none</c> (default), <c>console</c> (to stdout, for a look), <c>otlp</c> (to a collector).</summary>
    [Required]
    [RegularExpression(@"^\s*(?i)(none|console|otlp)(\s*,\s*(none|console|otlp))*\s*$",
        ErrorMessage = "ReviewPanel:Telemetry:Exporters must list none, console or otlp (comma-separated).")]
    public string Exporters { get; set; } = None;

    /// <summary>The OTLP collector (gRPC, e.g. <c>http://127.0.0.1:4317</c>); empty means the exporter's default or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The exporters named, lower-case, without <c>none</c>.</summary>
    public IReadOnlySet<string> Enabled => Exporters
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(e => e.ToLowerInvariant())
        .Where(e => e != None)
        .ToHashSet(StringComparer.Ordinal);
}
