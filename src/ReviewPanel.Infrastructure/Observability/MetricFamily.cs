namespace ReviewPanel.Observability;

/// <summary>One instrument's series, named as the instrument (<c>reviewpanel.profiles.reviewed</c>); the renderer sanitizes.</summary>
public sealed record MetricFamily(string Name, MetricKind Kind, string? Description, string? Unit, IReadOnlyList<MetricSeries> Series, IReadOnlyList<double>? Bounds = null);
