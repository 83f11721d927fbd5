using System.Globalization;
using System.Net;
using ReviewPanel.Reporting;

namespace ReviewPanel.Probing;

/// <summary>
/// The probe as one self-contained HTML page in the house style: cards, a class × reviewer matrix of detection rates
/// beside the gate's recall, then every miss with its span and what each reviewer said.
/// </summary>
public static class ProbeHtmlWriter
{
    public static void Write(ProbeReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        w.Write($"<title>ReviewPanel probe — {H(report.ProbeRunId)}</title>\n<style>{HtmlStyle.Css}</style></head>\n<body>\n");
        w.Write($"<header><h1>Probe: how sensitive is the {H(report.Panel)} panel?</h1>");
        w.Write($"<p class=\"meta\">probe run <code>{H(report.ProbeRunId)}</code>, originals run <code>{H(report.OriginalsRunId)}</code>, seed {report.Seed}, {report.PerClass} mutant(s) per class and original</p></header>\n<main>\n");
        var o = report.Originals;
        var mutants = report.Classes.Sum(c => c.Mutants);
        var blind = report.Classes.Count(c => c.Mutants > 0 && c.FailedOnExpected == 0);
        w.Write("<div class=\"cards\">");
        Card(w, "", o.Reviewed.ToString(CultureInfo.InvariantCulture), "originals");
        Card(w, "pass", o.Passed.ToString(CultureInfo.InvariantCulture), "passed (mutated)");
        Card(w, "fail", o.Failed.ToString(CultureInfo.InvariantCulture), $"failed as originals ({Pct(o.FalseFailRate)})");
        Card(w, "", mutants.ToString(CultureInfo.InvariantCulture), "mutants");
        Card(w, blind > 0 ? "fail" : "pass", blind.ToString(CultureInfo.InvariantCulture), "blind classes");
        w.Write("</div>\n");

        w.Write("<h2>Class × reviewer</h2>\n<table class=\"grid\"><caption>Cells: mutants the reviewer flagged on the expected dimension (grounded score below ");
        w.Write($"{report.PassThreshold.ToString(CultureInfo.InvariantCulture)}, or a grounded injection), with its mean score original → mutant. – : the reviewer does not judge that dimension.</caption>\n<thead><tr><th>class</th><th>expected</th><th>mutants</th><th>recall</th><th>any dim.</th><th>required</th>");
        foreach (var r in report.Reviewers)
        {
            w.Write($"<th>{H(r)}</th>");
        }
        w.Write("</tr></thead><tbody>\n");
        foreach (var c in report.Classes)
        {
            var fail = c.MeetsRequirement == false ? " f" : "";
            w.Write($"<tr><th scope=\"row\">{H(c.Class)}{(c.OfflineCovered ? "" : " <span class=\"t\">(offline: not covered)</span>")}</th><td>{H(c.ExpectedDimension)}</td><td class=\"s\">{c.Mutants}</td>");
            w.Write($"<td class=\"s {Shade(c.Recall)}{fail}\">{Pct(c.Recall)}</td><td class=\"s {Shade(c.RecallAny)}\">{Pct(c.RecallAny)}</td><td class=\"s\">{Pct(c.RequiredRecall)}</td>");
            foreach (var id in report.Reviewers)
            {
                var r = c.Reviewers.FirstOrDefault(x => x.Reviewer == id);
                w.Write(r is null
                    ? "<td class=\"s s0\">–</td>"
                    : $"<td class=\"s {Shade(r.DetectionRate)}\" title=\"mean {Num(r.MeanOriginal)} → {Num(r.MeanMutant)}\">{r.Detected}/{r.Mutants}<br><small>{Num(r.MeanOriginal)} → {Num(r.MeanMutant)}</small></td>");
            }
            w.Write("</tr>\n");
        }
        w.Write("</tbody></table>\n<h2>Summary</h2>\n<ul>");
        foreach (var c in report.Classes)
        {
            w.Write($"<li>{H(c.Summary)}</li>");
        }
        w.Write("</ul>\n");

        var misses = report.Classes.SelectMany(c => c.Misses.Select(m => (c.Class, Miss: m))).ToList();
        w.Write($"<h2>Misses ({misses.Count})</h2>\n");
        foreach (var (cls, m) in misses)
        {
            w.Write($"<details><summary><b>{H(cls)}</b> <span class=\"t\">{H(m.Source)} — verdict {H(m.Verdict)}{(m.Failing.Count > 0 ? ", failing " + H(string.Join(", ", m.Failing)) : "")}</span></summary><div class=\"body\">");
            w.Write($"<p>{H(m.Note)}; span at offset {m.Span.Offset}, length {m.Span.Length}</p>");
            w.Write($"<dl class=\"kv\"><dt>before</dt><dd><code>{H(Visible(m.Span.Before))}</code></dd><dt>after</dt><dd><code>{H(Visible(m.Span.After))}</code></dd></dl>");
            foreach (var q in m.Reviewers)
            {
                w.Write($"<h3>{H(q.Reviewer)} — {(q.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) : "no score")}</h3><p class=\"mut\">{H(q.Rationale)}</p>");
                foreach (var quote in q.Quotes)
                {
                    w.Write($"<blockquote>{H(quote)}</blockquote>");
                }
            }
            w.Write("</div></details>\n");
        }
        if (report.Mismatches.Count > 0)
        {
            w.Write("<h2>History mismatches</h2><div class=\"err\"><ul>");
            foreach (var m in report.Mismatches)
            {
                w.Write($"<li>{H(m)}</li>");
            }
            w.Write("</ul></div>\n");
        }
        w.Write("</main>\n<footer>Generated by reviewpanel probe from the recorded history; rebuild it any time with <code>reviewpanel probe show ");
        w.Write($"{H(report.ProbeRunId)} --format html</code>.</footer>\n</body></html>\n");
    }

    public static void WriteFile(ProbeReport report, string path)
    {
        using var writer = new StreamWriter(path);
        Write(report, writer);
    }

    private static void Card(TextWriter w, string css, string value, string label) =>
        w.Write($"<div class=\"card {css}\"><b>{H(value)}</b><span>{H(label)}</span></div>");

    /// <summary>Zero-width characters made visible, so an obfuscated span can be read.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' ? $"⟨U+{(int)c:X4}⟩" : c.ToString()));

    private static string Shade(double? rate) => rate switch
    {
        null => "s0",
        >= 0.999 => "s5",
        >= 0.75 => "s4",
        >= 0.5 => "s3",
        > 0 => "s2",
        _ => "s1",
    };

    private static string Pct(double? rate) => rate is { } r ? r.ToString("0%", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
