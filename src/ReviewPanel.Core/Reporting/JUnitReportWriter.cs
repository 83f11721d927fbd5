using System.Text;
using System.Xml;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;
using static ReviewPanel.Reporting.ReportText;

namespace ReviewPanel.Reporting;

/// <summary>
/// JUnit XML for CI: one <c>testsuite</c> per run, one <c>testcase</c> per profile (named by profile id, else source).
/// A failed verdict is a <c>failure</c> whose message names the failing dimensions with their evidence quotes; an error
/// verdict is an <c>error</c>. Written with <see cref="XmlWriter"/>, so every value is escaped; characters XML cannot
/// carry are replaced.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    private const int MaxQuoteInMessage = 160;

    public string FileExtension => ".xml";

    public void Write(ReportModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);

        var failures = model.Profiles.Count(p => p.Verdict.Outcome == VerdictOutcome.Fail);
        var errors = model.Profiles.Count(p => p.Verdict.Outcome == VerdictOutcome.Error);
        var seconds = model.Profiles.Sum(Seconds);
        var run = model.Run;

        // The declaration is written by hand: XmlWriter over a TextWriter would claim that writer's encoding (UTF-16
        // for a StringWriter), while files are written as UTF-8.
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var xml = XmlWriter.Create(output, settings);

        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "reviewpanel");
        WriteCounts(xml, model.Profiles.Count, failures, errors, seconds);

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Xml($"reviewpanel {run.RunId}"));
        WriteCounts(xml, model.Profiles.Count, failures, errors, seconds);
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", Inv));

        xml.WriteStartElement("properties");
        WriteProperty(xml, "run.id", run.RunId);
        WriteProperty(xml, "rubric.sha256", run.RubricSha256);
        WriteProperty(xml, "tool.version", run.ToolVersion);
        WriteProperty(xml, "command", run.Command);
        foreach (var reviewer in run.Reviewers)
        {
            WriteProperty(xml, $"reviewer.{reviewer.Id}", reviewer.Model is null ? reviewer.Version : $"{reviewer.Version} ({reviewer.Model})");
        }
        xml.WriteEndElement();

        foreach (var report in model.Profiles)
        {
            WriteTestCase(xml, report);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.Flush();
        output.Write('\n');
    }

    private static void WriteTestCase(XmlWriter xml, ProfileReport report)
    {
        var verdict = report.Verdict;
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Xml(ReportModel.KeyOf(report)));
        xml.WriteAttributeString("classname", Xml(report.Source));
        xml.WriteAttributeString("time", Seconds(report).ToString("0.###", Inv));

        if (verdict.Outcome == VerdictOutcome.Error)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", Xml(verdict.Error ?? "the panel could not reach a verdict"));
            xml.WriteAttributeString("type", "verdict-error");
            xml.WriteString(Xml(ErrorDetail(report)));
            xml.WriteEndElement();
        }
        else if (verdict.Outcome == VerdictOutcome.Fail)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Xml(FailureMessage(verdict)));
            xml.WriteAttributeString("type", "gate");
            xml.WriteString(Xml(FailureDetail(verdict)));
            xml.WriteEndElement();
        }

        xml.WriteElementString("system-out", Xml(
            $"title: {report.Title}\nversion: {report.VersionHash}\nminimum: {Score(verdict.Minimum)}\nrun: {report.RunId}"));
        xml.WriteEndElement();
    }

    /// <summary>"Failing: specificity 2.0 “quote” [layer]; instructions-in-profile “quote”".</summary>
    internal static string FailureMessage(Verdict verdict)
    {
        var parts = new List<string>();
        foreach (var name in verdict.Failing)
        {
            if (name == Verdict.InjectionRule)
            {
                var quotes = verdict.Injections.Select(e => $"“{Truncate(e.Quote, MaxQuoteInMessage)}” [{e.LayerKey}]");
                parts.Add(string.Join(' ', new[] { name }.Concat(quotes)));
                continue;
            }
            var result = Result(verdict, name);
            var text = result is null ? name : $"{name} {(result.Judged ? Score(result.Aggregate) : "not judged")}";
            var evidence = result?.Evidence.Select(e => $"“{Truncate(e.Quote, MaxQuoteInMessage)}” [{e.LayerKey}]") ?? [];
            parts.Add(string.Join(' ', new[] { text }.Concat(evidence)));
        }
        return parts.Count == 0 ? "Failing" : "Failing: " + string.Join("; ", parts);
    }

    private static string FailureDetail(Verdict verdict)
    {
        var sb = new StringBuilder();
        sb.Append("Minimum ").Append(Score(verdict.Minimum)).Append('\n');
        foreach (var d in verdict.Dimensions.Where(d => d.Failing))
        {
            sb.Append('\n').Append(d.Dimension).Append(": ").Append(d.Judged ? Score(d.Aggregate) : "not judged (quorum not met)");
            if (d.ScoredBy.Count > 0)
            {
                sb.Append(" — scored by ").AppendJoin(", ", d.ScoredBy);
            }
            sb.Append('\n');
            foreach (var e in d.Evidence)
            {
                sb.Append("  - [").Append(e.LayerKey).Append("] “").Append(e.Quote).Append('”');
                if (!string.IsNullOrWhiteSpace(e.Note))
                {
                    sb.Append(" — ").Append(e.Note);
                }
                sb.Append('\n');
            }
        }
        if (verdict.Injections.Count > 0)
        {
            sb.Append('\n').Append(Verdict.InjectionRule).Append(":\n");
            foreach (var e in verdict.Injections)
            {
                sb.Append("  - [").Append(e.LayerKey).Append("] “").Append(e.Quote).Append("”\n");
            }
        }
        return sb.ToString();
    }

    private static string ErrorDetail(ProfileReport report)
    {
        var sb = new StringBuilder(report.Verdict.Error ?? "no verdict").Append('\n');
        foreach (var review in report.Reviews.Where(r => r.Error is not null))
        {
            sb.Append("  - ").Append(review.ReviewerId).Append(": ").Append(review.Error).Append('\n');
        }
        return sb.ToString();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int errors, double seconds)
    {
        xml.WriteAttributeString("tests", tests.ToString(Inv));
        xml.WriteAttributeString("failures", failures.ToString(Inv));
        xml.WriteAttributeString("errors", errors.ToString(Inv));
        xml.WriteAttributeString("time", seconds.ToString("0.###", Inv));
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", Xml(name));
        xml.WriteAttributeString("value", Xml(value));
        xml.WriteEndElement();
    }

    private static double Seconds(ProfileReport report) => Math.Max(0, (report.FinishedAt - report.StartedAt).TotalSeconds);
}
