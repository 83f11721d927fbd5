using System.Diagnostics;

namespace ReviewPanel.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> of ReviewPanel, named <see cref="SourceName"/>, owned by the container (a singleton
/// it disposes) instead of a static. Spans: <c>reviewpanel.run</c> → <c>reviewpanel.profile</c> →
/// <c>reviewpanel.review</c> → <c>reviewpanel.llm.call</c> → <c>reviewpanel.http.attempt</c>.
/// </summary>
public sealed class ReviewPanelActivities : IDisposable
{
    /// <summary>Name of the activity source (unchanged: exporters select it by name).</summary>
    public const string SourceName = "ReviewPanel";

    /// <summary>Spans of runs, profiles, reviews, model calls and HTTP attempts.</summary>
    public ActivitySource Source { get; } = new(SourceName, typeof(ReviewPanelActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a span when anyone listens; null otherwise (callers use <c>?.</c>).</summary>
    public Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    public void Dispose() => Source.Dispose();
}
