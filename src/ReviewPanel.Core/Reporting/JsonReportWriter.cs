using System.Text.Json;
using ReviewPanel.Serialization;

namespace ReviewPanel.Reporting;

/// <summary>The whole report model as indented JSON: every review, verdict and layer provenance of the run.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string FileExtension => ".json";

    public void Write(ReportModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(JsonSerializer.Serialize(model, ReviewPanelJson.Indented));
    }
}
