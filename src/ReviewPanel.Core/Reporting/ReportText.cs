using System.Globalization;
using System.Text;
using System.Xml;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Text;

namespace ReviewPanel.Reporting;

/// <summary>
/// Text helpers shared by the writers. Everything that comes from a profile or a model is untrusted: it goes through
/// <see cref="Html"/>, <see cref="Xml"/> or <see cref="Markdown"/> before it reaches output.
/// </summary>
internal static class ReportText
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>HTML-encodes text for element content and quoted attribute values; hidden and control characters become visible escapes (<c>&lt;U+200B&gt;</c>).</summary>
    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        text = VisibleText.Escape(text);
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else if (!char.IsControl(c) || c is '\n' or '\t' or '\r')
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Replaces characters XML 1.0 cannot carry (controls, lone surrogates) so XmlWriter never throws on model output; hidden characters become visible escapes.</summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        text = VisibleText.Escape(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Makes text inert in a Markdown table cell: one line, Markdown punctuation backslash-escaped, and HTML's
    /// &amp;, &lt;, &gt; encoded, since Markdown renderers pass raw HTML through.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        text = VisibleText.Escape(text);
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '!' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static string Score(double? value) => value is double v ? v.ToString("0.0", Inv) : "—";

    public static string ShortHash(string? hash) => string.IsNullOrEmpty(hash) ? "—" : hash.Length <= 12 ? hash : hash[..12];

    public static string Time(DateTimeOffset? time) =>
        time is DateTimeOffset t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Inv) : "—";

    public static string Outcome(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => "PASS",
        VerdictOutcome.Fail => "FAIL",
        _ => "ERROR",
    };

    /// <summary>Dimensions present in the reports, rubric order first, then any others alphabetically.</summary>
    public static IReadOnlyList<string> DimensionsOf(ReportModel model)
    {
        var seen = model.Profiles.SelectMany(p => p.Verdict.Dimensions.Select(d => d.Dimension)
            .Concat(p.Reviews.SelectMany(r => r.Scores.Select(s => s.Dimension)))).ToHashSet(StringComparer.Ordinal);
        var known = Dimensions.All.Where(seen.Contains);
        var extra = seen.Where(d => !Dimensions.IsKnown(d)).Order(StringComparer.Ordinal);
        return known.Concat(extra).ToList();
    }

    public static DimensionResult? Result(Verdict verdict, string dimension) =>
        verdict.Dimensions.FirstOrDefault(d => d.Dimension == dimension);
}
