using Microsoft.Extensions.Hosting;
using ReviewPanel.Hosting;

namespace ReviewPanel.Cli.Hosting;

/// <summary>The executable's composition root: the shared registration plus what only the executable adds (telemetry exporters).</summary>
public static class ReviewPanelHostBuilderExtensions
{
    public static IHostApplicationBuilder AddReviewPanel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReviewPanel(builder.Configuration);
        builder.Services.AddReviewPanelTelemetry(builder.Configuration);
        return builder;
    }
}
