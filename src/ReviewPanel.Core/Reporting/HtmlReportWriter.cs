using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using static ReviewPanel.Reporting.ReportText;

namespace ReviewPanel.Reporting;

/// <summary>
/// One self-contained HTML file: batch summary with tokens and cost, a heatmap of profiles × dimensions, and per profile
/// a collapsible drill-down (verdict, failing evidence, injections, each reviewer's scores, rationale and quotes, every
/// layer's provenance and citations, and an inline-SVG chart of its minimum over runs). No script, no network: a
/// Content-Security-Policy forbids both, so even text that escaped encoding could not run. All profile- and
/// model-derived text is HTML-encoded. Details expand when printed.
/// </summary>
public sealed class HtmlReportWriter(ReportOptions? options = null, GateOptions? gate = null) : IReportWriter
{
    private readonly ReportOptions _options = options ?? new ReportOptions();
    private readonly double _passThreshold = (gate ?? new GateOptions()).PassThreshold;

    public string FileExtension => ".html";

    public void Write(ReportModel model, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var w = output;
        var run = model.Run;
        var summary = ReportSummary.From(model, _options);
        var dimensions = DimensionsOf(model);

        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n");
        w.Write($"<title>ReviewPanel report — {Html(run.RunId)}</title>\n<style>{HtmlStyle.Css}</style></head>\n<body>\n");

        w.Write("<header><h1>ReviewPanel report</h1>");
        w.Write($"<p class=\"meta\">Run <code>{Html(run.RunId)}</code> · {Html(run.Command)} · started {Time(run.StartedAt)} · finished {Time(run.FinishedAt)}"
            + $" · rubric <code title=\"{Html(run.RubricSha256)}\">{Html(ShortHash(run.RubricSha256))}</code> · reviewpanel {Html(run.ToolVersion)}</p></header>\n<main>\n");

        WriteSummary(w, model, summary);
        WriteHeatmap(w, model, dimensions);

        w.Write("<section aria-labelledby=\"h-profiles\"><h2 id=\"h-profiles\">Profiles</h2>\n");
        for (var i = 0; i < model.Profiles.Count; i++)
        {
            WriteProfile(w, model, model.Profiles[i], i, dimensions);
        }
        w.Write("</section>\n</main>\n");
        w.Write($"<footer>Generated {(model.GeneratedAt is null ? "" : Time(model.GeneratedAt) + " ")}by reviewpanel {Html(run.ToolVersion)}. "
            + "Scores run 1 (worst) to 5 (best); a profile passes only when every required dimension is judged and its lowest is at least "
            + $"{Score(_passThreshold)}.</footer>\n</body></html>\n");
    }

    private void WriteSummary(TextWriter w, ReportModel model, ReportSummary s)
    {
        w.Write("<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Summary</h2><div class=\"cards\">");
        Card(w, "", s.Profiles.ToString(Inv), "profiles");
        Card(w, "pass", s.Passed.ToString(Inv), "passed");
        Card(w, "fail", s.Failed.ToString(Inv), "failed");
        Card(w, "error", s.Errors.ToString(Inv), "errors");
        Card(w, "", s.TotalTokens.ToString("N0", Inv), $"tokens ({s.InputTokens.ToString("N0", Inv)} in, {s.OutputTokens.ToString("N0", Inv)} out)");
        Card(w, "", $"{s.Cost.ToString("0.00", Inv)} {Html(_options.Currency)}",
            $"cost at {_options.PricePer1KTokens.ToString("0.####", Inv)} per 1K tokens");
        w.Write("</div>\n");
        w.Write($"<p class=\"mut\">Summary: {SummaryLine(s)}; "
            + $"{Plural(s.Calls, "model call")} made, {s.ReusedCalls} reused from earlier runs.</p>\n");

        if (model.Run.Reviewers.Count > 0)
        {
            w.Write("<table class=\"w\"><caption>Reviewers in this run</caption><thead><tr><th scope=\"col\">Reviewer</th><th scope=\"col\">Kind</th>"
                + "<th scope=\"col\">Version</th><th scope=\"col\">Model</th><th scope=\"col\">Dimensions</th></tr></thead><tbody>\n");
            foreach (var r in model.Run.Reviewers)
            {
                w.Write($"<tr><td>{Html(r.Id)}</td><td>{Html(r.Kind)}</td><td><code title=\"{Html(r.Version)}\">{Html(ShortHash(r.Version))}</code></td>"
                    + $"<td>{Html(r.Model ?? "—")}</td><td>{DimensionList(r.Dimensions)}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
        }
        if (model.Run.Settings.Count > 0)
        {
            w.Write("<details><summary>Run settings</summary><div class=\"body\"><dl class=\"kv\">");
            foreach (var (key, value) in model.Run.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.Write($"<dt>{Html(key)}</dt><dd>{Html(value)}</dd>");
            }
            w.Write("</dl></div></details>\n");
        }
        w.Write("</section>\n");
    }

    /// <summary>"6 passed, 5 failed, 1 error of 12 profiles": the line a person (and the browser test) reads first.</summary>
    internal static string SummaryLine(ReportSummary s) =>
        $"{s.Passed} passed, {s.Failed} failed, {Plural(s.Errors, "error")} of {Plural(s.Profiles, "profile")}";

    private static string Plural(int n, string noun) => $"{n.ToString(Inv)} {noun}{(n == 1 ? "" : "s")}";

    private static string DimensionList(IReadOnlyList<string> dimensions) =>
        Dimensions.All.All(dimensions.Contains) && dimensions.Count == Dimensions.All.Count
            ? "all 7 rubric dimensions"
            : Html(string.Join(", ", dimensions));

    private static void Card(TextWriter w, string cls, string value, string label) =>
        w.Write($"<div class=\"card {cls}\"><b>{value}</b><span>{label}</span></div>");

    private void WriteHeatmap(TextWriter w, ReportModel model, IReadOnlyList<string> dimensions)
    {
        w.Write("<section aria-labelledby=\"h-scores\"><h2 id=\"h-scores\">Scores by dimension</h2>");
        w.Write("<p class=\"legend\">Panel aggregate per dimension, 1 (worst) to 5 (best); outlined cells marked ✗ are below the pass line:"
            + "<span class=\"s1\">1</span><span class=\"s2\">2</span><span class=\"s3\">3</span><span class=\"s4\">4</span><span class=\"s5\">5</span>"
            + "<span class=\"s0\">— not judged</span></p>\n");
        if (model.Profiles.Count == 0)
        {
            w.Write("<p>No profiles in this run.</p></section>\n");
            return;
        }
        w.Write("<table class=\"hm\"><caption>Profiles × dimensions. Select a profile for its reviews and provenance.</caption><thead><tr>"
            + "<th scope=\"col\">Profile</th><th scope=\"col\">Verdict</th><th scope=\"col\">Minimum</th>");
        foreach (var d in dimensions)
        {
            w.Write($"<th scope=\"col\">{Html(d)}</th>");
        }
        w.Write("<th scope=\"col\">Rules</th></tr></thead><tbody>\n");
        for (var i = 0; i < model.Profiles.Count; i++)
        {
            var report = model.Profiles[i];
            var verdict = report.Verdict;
            w.Write($"<tr><th scope=\"row\"><a href=\"#p{i}\">{Html(ReportModel.KeyOf(report))}</a>");
            if (!string.IsNullOrEmpty(report.Title))
            {
                w.Write($"<div class=\"t\">{Html(report.Title)}</div>");
            }
            w.Write($"</th><td>{Badge(verdict.Outcome)}</td>");
            ScoreCell(w, "minimum", verdict.Minimum, verdict.Outcome != VerdictOutcome.Pass && verdict.Minimum < _passThreshold);
            foreach (var d in dimensions)
            {
                var result = Result(verdict, d);
                ScoreCell(w, d, result?.Aggregate, result?.Failing == true, result?.VetoedBy.FirstOrDefault());
            }
            // A rule (an instruction aimed at reviewers) fails the profile whatever its scores: the row says so.
            var rules = verdict.Failing.Where(f => !dimensions.Contains(f, StringComparer.Ordinal)).ToList();
            w.Write(rules.Count == 0 ? "<td></td>" : $"<td class=\"rule f\" title=\"failed by rule\">✗ {Html(string.Join(", ", rules))}</td>");
            w.Write("</tr>\n");
        }
        w.Write("</tbody></table></section>\n");
    }

    private static void ScoreCell(TextWriter w, string what, double? score, bool failing, Veto? veto = null)
    {
        var cls = score is double v ? $"s{Math.Clamp((int)Math.Floor(v), 1, 5)}" : "s0";
        var title = score is null ? $"{what}: not judged" : $"{what}: {Score(score)}{(failing ? ", below the pass line" : "")}";
        if (veto is not null)
        {
            title += $"; capped by {veto.Reviewer}: “{veto.Evidence[0].Quote}”";
        }
        w.Write($"<td class=\"s {cls}{(failing ? " f" : "")}\" title=\"{Html(title)}\">{Score(score)}{(failing ? " ✗" : "")}{(veto is null ? "" : " ⛔")}</td>");
    }

    private static string Badge(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => "<span class=\"b pass\">PASS</span>",
        VerdictOutcome.Fail => "<span class=\"b fail\">FAIL</span>",
        _ => "<span class=\"b error\">ERROR</span>",
    };

    private void WriteProfile(TextWriter w, ReportModel model, ProfileReport report, int index, IReadOnlyList<string> dimensions)
    {
        var verdict = report.Verdict;
        w.Write($"<details id=\"p{index}\"><summary>{Badge(verdict.Outcome)} <b>{Html(ReportModel.KeyOf(report))}</b>");
        if (!string.IsNullOrEmpty(report.Title))
        {
            w.Write($" <span class=\"t\">{Html(report.Title)}</span>");
        }
        w.Write($" · min {Score(verdict.Minimum)}");
        if (verdict.Failing.Count > 0)
        {
            w.Write($" · failing: {Html(string.Join(", ", verdict.Failing))}");
        }
        w.Write("</summary><div class=\"body\">\n");

        w.Write("<div class=\"row\"><dl class=\"kv\">");
        Kv(w, "Source", Html(report.Source));
        Kv(w, "Profile id", Html(report.ProfileId ?? "— (not imported)"));
        Kv(w, "Version", $"<code title=\"{Html(report.VersionHash)}\">{Html(ShortHash(report.VersionHash))}</code>");
        Kv(w, "Run", $"<code>{Html(report.RunId)}</code>");
        Kv(w, "Reviewed", $"{Time(report.StartedAt)} ({(report.FinishedAt - report.StartedAt).TotalSeconds.ToString("0.0", Inv)} s)");
        var tokens = report.Reviews.Concat(report.Adjudications).Where(r => r.ReusedFromRun is null).SelectMany(r => r.Calls)
            .Sum(c => (long)c.InputTokens + c.OutputTokens);
        Kv(w, "Tokens", tokens.ToString("N0", Inv));
        w.Write("</dl>");
        var history = model.HistoryOf(report);
        w.Write($"<figure>{HtmlChart.Render(history, _passThreshold)}<figcaption>Minimum over {history.Count} run{(history.Count == 1 ? "" : "s")}; dashed line: pass line {Score(_passThreshold)}</figcaption></figure>");
        w.Write("</div>\n");

        if (verdict.Error is not null)
        {
            w.Write($"<p class=\"err\"><b>Error:</b> {Html(verdict.Error)}</p>\n");
        }

        var failing = verdict.Dimensions.Where(d => d.Failing).ToList();
        if (failing.Count > 0)
        {
            w.Write("<h3>Failing dimensions</h3><ul>");
            foreach (var d in failing)
            {
                w.Write($"<li><b>{Html(d.Dimension)}</b> {(d.Judged ? Score(d.Aggregate) : "not judged (quorum not met)")}");
                if (d.ScoredBy.Count > 0)
                {
                    w.Write($" <span class=\"mut\">scored by {Html(string.Join(", ", d.ScoredBy))}</span>");
                }
                if (d.AdjudicatedBy is not null)
                {
                    w.Write($" <span class=\"mut\">· adjudicated by {Html(d.AdjudicatedBy)}</span>");
                }
                if (d.Unstable)
                {
                    w.Write(" <span class=\"b ug\">unstable</span>");
                }
                foreach (var veto in d.VetoedBy)
                {
                    w.Write($" <span class=\"b fail\" title=\"A grounded finding caps the dimension; {(veto.IsDeterministic ? "a deterministic finding no model can lift" : "lifted only by a refutation with a grounded counter-quote")}\">⛔ vetoed by {Html(veto.Reviewer)} ({veto.Score})</span>");
                }
                foreach (var o in d.Overruled)
                {
                    w.Write($" <span class=\"mut\">· overruled: {Html(o.Reviewer)} gave {o.Score} ({Html(o.Reason)})</span>");
                }
                foreach (var r in d.Refutations)
                {
                    w.Write($"<div class=\"mut\">refutation by {Html(r.By)} of {Html(r.FindingReviewer)} {(r.Accepted ? "accepted" : "refused")}: {Html(r.Ruling)}</div>");
                }
                // Several reviewers often quote the same span; once is enough to read it.
                foreach (var e in d.Evidence.DistinctBy(e => (e.LayerKey, e.Quote)))
                {
                    Quote(w, e.LayerKey, e.Quote, e.Note, e.Grounded);
                }
                w.Write("</li>");
            }
            w.Write("</ul>\n");
        }

        var injections = verdict.Injections.Concat(report.Reviews.SelectMany(r => r.Injections))
            .DistinctBy(e => (e.LayerKey, e.Quote)).ToList();
        if (injections.Count > 0)
        {
            w.Write("<h3>Instructions found in the profile</h3>");
            foreach (var e in injections)
            {
                Quote(w, e.LayerKey, e.Quote, e.Note, e.Grounded);
            }
        }

        WriteReviews(w, report, dimensions);
        WriteLayers(w, report.Layers);
        w.Write("</div></details>\n");
    }

    private static void Kv(TextWriter w, string key, string encodedValue) => w.Write($"<dt>{key}</dt><dd>{encodedValue}</dd>");

    private static void Quote(TextWriter w, string layer, string quote, string? note, bool? grounded)
    {
        var ungrounded = grounded == false;
        w.Write($"<blockquote class=\"q{(ungrounded ? " ug" : "")}\">“{Html(quote)}” <small>[{Html(layer)}]");
        if (!string.IsNullOrWhiteSpace(note))
        {
            w.Write($" {Html(note)}");
        }
        w.Write("</small>");
        if (ungrounded)
        {
            w.Write(" <span class=\"b ug\" title=\"The quote was not found in the layer it names\">ungrounded</span>");
        }
        w.Write("</blockquote>");
    }

    private void WriteReviews(TextWriter w, ProfileReport report, IReadOnlyList<string> dimensions)
    {
        var reviews = report.Reviews.Concat(report.Adjudications).ToList();
        if (reviews.Count == 0)
        {
            return;
        }
        w.Write("<h3>Reviewers</h3><table class=\"grid\"><thead><tr><th scope=\"col\">Reviewer</th><th scope=\"col\">Version · model</th>");
        foreach (var d in dimensions)
        {
            w.Write($"<th scope=\"col\">{Html(d)}</th>");
        }
        w.Write("</tr></thead><tbody>");
        foreach (var review in reviews)
        {
            var model = review.Calls.Select(c => c.Model ?? c.Deployment).FirstOrDefault(m => m is not null);
            var reused = review.ReusedFromRun;
            w.Write($"<tr><th scope=\"row\">{Html(review.ReviewerId)} <span class=\"mut\">({Html(review.Kind)})</span></th>"
                + $"<td><code title=\"{Html(review.ReviewerVersion)}\">{Html(ShortHash(review.ReviewerVersion))}</code>{(model is null ? "" : " · " + Html(model))}"
                + $"{(reused is null ? "" : $" <span class=\"mut\">reused from {Html(reused)}</span>")}</td>");
            if (review.Status == ReviewStatus.Error)
            {
                w.Write($"<td colspan=\"{dimensions.Count}\" class=\"err\">error: {Html(review.Error)}</td></tr>");
                continue;
            }
            foreach (var d in dimensions)
            {
                var score = review.Scores.FirstOrDefault(s => s.Dimension == d);
                if (score?.Score is int v)
                {
                    var failing = v < _passThreshold;
                    w.Write($"<td class=\"s s{Math.Clamp(v, 1, 5)}{(failing ? " f" : "")}\">{v}{(score.Ungrounded ? "<sup title=\"ungrounded: not counted\">†</sup>" : "")}</td>");
                }
                else
                {
                    w.Write($"<td class=\"s s0\" title=\"{(score is null ? "not scored" : "abstained")}\">{(score is null ? "" : "abst.")}</td>");
                }
            }
            w.Write("</tr>");
        }
        w.Write("</tbody></table>");
        if (reviews.Any(r => r.Scores.Any(s => s.Ungrounded)))
        {
            w.Write("<p class=\"mut\">† a critique whose evidence was not found in the profile: shown, not counted.</p>");
        }

        w.Write("<h3>Rationales and evidence</h3><table><thead><tr><th scope=\"col\">Dimension</th><th scope=\"col\">Reviewer</th>"
            + "<th scope=\"col\">Score</th><th scope=\"col\">Rationale and quoted evidence</th></tr></thead><tbody>");
        foreach (var d in dimensions)
        {
            var scored = reviews.Where(r => r.Status == ReviewStatus.Ok)
                .Select(r => (Review: r, Score: r.Scores.FirstOrDefault(s => s.Dimension == d)))
                .Where(x => x.Score?.Score is not null).ToList();
            for (var i = 0; i < scored.Count; i++)
            {
                var (review, score) = (scored[i].Review, scored[i].Score!);
                var v = score.Score!.Value;
                w.Write(i == 0 ? $"<tr><th scope=\"rowgroup\" rowspan=\"{scored.Count}\">{Html(d)}</th>" : "<tr>");
                w.Write($"<td>{Html(review.ReviewerId)}</td><td class=\"s s{Math.Clamp(v, 1, 5)}\">{v}</td><td>{Html(score.Rationale)}");
                if (score.Ungrounded)
                {
                    w.Write(" <span class=\"b ug\">ungrounded: not counted</span>");
                }
                foreach (var e in score.Evidence)
                {
                    Quote(w, e.LayerKey, e.Quote, e.Note, e.Grounded);
                }
                w.Write("</td></tr>");
            }
        }
        w.Write("</tbody></table>");

        var overall = reviews.Where(r => !string.IsNullOrWhiteSpace(r.Rationale)).ToList();
        if (overall.Count > 0)
        {
            w.Write("<ul class=\"mut\">");
            foreach (var review in overall)
            {
                w.Write($"<li><b>{Html(review.ReviewerId)}</b>: {Html(review.Rationale)}</li>");
            }
            w.Write("</ul>");
        }
        w.Write('\n');
    }

    private static void WriteLayers(TextWriter w, IReadOnlyList<LayerProvenance> layers)
    {
        if (layers.Count == 0)
        {
            return;
        }
        w.Write("<h3>Layer provenance</h3><table><thead><tr><th scope=\"col\">Layer</th><th scope=\"col\">SHA-256</th>"
            + "<th scope=\"col\">Sources</th><th scope=\"col\">Cited by</th></tr></thead><tbody>");
        foreach (var layer in layers)
        {
            w.Write($"<tr><td><code>{Html(layer.Key)}</code><br>{Html(layer.Title)}</td><td><code title=\"{Html(layer.Sha256)}\">{Html(ShortHash(layer.Sha256))}</code></td><td>");
            w.Write(layer.Sources.Count == 0 ? "<span class=\"b fail\">no source</span>" : string.Join("<br>", layer.Sources.Select(Html)));
            w.Write("</td><td>");
            if (layer.Citations.Count == 0)
            {
                w.Write("<span class=\"mut\">—</span>");
            }
            foreach (var c in layer.Citations)
            {
                var who = $"{c.ReviewerId}{(c.Dimension is null ? "" : " · " + c.Dimension)}{(c.Score is int s ? " · " + s.ToString(Inv) : "")}";
                Quote(w, who, c.Quote, c.Note, c.Grounded);
            }
            w.Write("</td></tr>");
        }
        w.Write("</tbody></table>\n");
    }
}
