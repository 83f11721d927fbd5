using System.Globalization;
using System.Text;

namespace ReviewPanel.Observability;

/// <summary>
/// Renders metric families in the Prometheus text exposition format 0.0.4: <c># HELP</c> and <c># TYPE</c> per
/// family, counters suffixed <c>_total</c>, histograms as cumulative <c>_bucket{le=...}</c> plus <c>_sum</c> and
/// <c>_count</c>, names and label names reduced to <c>[a-zA-Z0-9_]</c>, label values escaped. Hand-written because
/// the OpenTelemetry Prometheus exporter is not available to this build; the format is small and stable.
/// </summary>
public static class PrometheusTextRenderer
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var name = Sanitize(family.Name);
            if (family.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
            {
                name += "_total";
            }
            var help = family.Description ?? family.Name;
            if (!string.IsNullOrEmpty(family.Unit))
            {
                help += $" ({family.Unit})";
            }
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            }).Append('\n');
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    AppendHistogram(text, name, family.Bounds ?? [], series);
                }
                else
                {
                    AppendSample(text, name, series.Labels, null, series.Value);
                }
            }
        }
        return text.ToString();
    }

    /// <summary>A metric or label name: every character outside <c>[a-zA-Z0-9_]</c> becomes <c>_</c>; a leading digit gets a <c>_</c> prefix.</summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var result = new string(chars);
        return result.Length == 0 || char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }

    /// <summary>A sample value: Go-style float text, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void AppendHistogram(StringBuilder text, string name, IReadOnlyList<double> bounds, MetricSeries series)
    {
        var counts = series.BucketCounts ?? [];
        long cumulative = 0;
        for (var i = 0; i <= bounds.Count; i++)
        {
            cumulative += i < counts.Count ? counts[i] : 0;
            var le = i < bounds.Count ? FormatValue(bounds[i]) : "+Inf";
            AppendSample(text, name + "_bucket", series.Labels, le, cumulative);
        }
        AppendSample(text, name + "_sum", series.Labels, null, series.Sum);
        AppendSample(text, name + "_count", series.Labels, null, series.Count);
    }

    private static void AppendSample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (!first)
                {
                    text.Append(',');
                }
                first = false;
                text.Append(Sanitize(key)).Append("=\"").Append(EscapeLabel(labelValue)).Append('"');
            }
            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
