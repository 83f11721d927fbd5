namespace ReviewPanel.Reporting;

/// <summary>Conveniences over <see cref="IReportWriter"/>.</summary>
public static class ReportWriterExtensions
{
    /// <summary>Renders the report to a string.</summary>
    public static string Render(this IReportWriter writer, ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        writer.Write(model, output);
        return output.ToString();
    }

    /// <summary>Writes the report to a file as UTF-8 (no byte-order mark), replacing it.</summary>
    public static void WriteFile(this IReportWriter writer, ReportModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var output = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        writer.Write(model, output);
    }
}
