namespace ReviewPanel.Reporting;

/// <summary>Renders a <see cref="ReportModel"/> in one format. Writers never read files or the network.</summary>
public interface IReportWriter
{
    /// <summary>The usual file extension, with its dot (e.g. <c>.html</c>).</summary>
    string FileExtension { get; }

    void Write(ReportModel model, TextWriter output);
}
