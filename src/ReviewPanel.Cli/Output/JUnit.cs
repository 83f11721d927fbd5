using System.Globalization;
using System.Text;
using System.Xml;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;

namespace ReviewPanel.Cli.Output;

/// <summary>
/// JUnit XML so any CI server shows the gate: one test case per profile; a failure's message names the failing
/// dimensions and its body quotes the evidence; an error verdict is an error element.
/// </summary>
internal static class JUnit
{
    public static string Write(BatchResult result)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "reviewpanel");
            xml.WriteAttributeString("tests", Count(result.Profiles.Count));
            xml.WriteAttributeString("failures", Count(result.Count(VerdictOutcome.Fail)));
            xml.WriteAttributeString("errors", Count(result.Count(VerdictOutcome.Error)));
            xml.WriteAttributeString("time", (result.FinishedAt - result.StartedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("timestamp", result.StartedAt.UtcDateTime.ToString("s", CultureInfo.InvariantCulture));
            xml.WriteStartElement("properties");
            WriteProperty(xml, "runId", result.RunId);
            xml.WriteEndElement();
            foreach (var p in result.Profiles)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", "reviewpanel.gate");
                xml.WriteAttributeString("name", Clean(p.ProfileId ?? p.Source));
                xml.WriteAttributeString("file", Clean(p.Source));
                if (p.Verdict == VerdictOutcome.Fail)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", Clean($"failing: {string.Join(", ", p.Failing)} (minimum {BatchOutput.Score(p.Minimum)})"));
                    xml.WriteString(Clean(string.Join("\n", p.FailingEvidence.Select(e => $"{e.Note} [{e.LayerKey}] \"{e.Quote}\""))));
                    xml.WriteEndElement();
                }
                else if (p.Verdict == VerdictOutcome.Error)
                {
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", Clean(p.Error ?? "not judged"));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Profile text is untrusted: characters XML cannot carry are replaced, never allowed to break the file.</summary>
    private static string Clean(string text) => string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
