using System.Text;
using ReviewPanel.Panel;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;
using static ReviewPanel.Reporting.ReportText;

namespace ReviewPanel.Viewing;

/// <summary>
/// The server-rendered pages of <c>reviewpanel serve</c>: whole HTML documents with the report's inline stylesheet and
/// no script or external asset. Everything from a profile or a model is HTML-encoded. Links and forms are plain GETs,
/// so filters, sorting and search live in the query string.
/// </summary>
public static class ViewerPages
{
    private const string ExtraCss = "nav{display:flex;gap:16px;padding:6px 0}form.f{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}"
        + "mark{background:#ffe08a;padding:0 1px}pre.lt{white-space:pre-wrap;background:var(--alt);padding:6px 10px;border-radius:6px;margin:4px 0}"
        + ".up{color:var(--pass);font-weight:600}.down{color:var(--fail);font-weight:600}tr.flip td{background:#fff8e1}";

    public static string Runs(IReadOnlyList<RunListing> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var w = new StringBuilder();
        Open(w, "Runs", "ReviewPanel — runs");
        w.Append($"<p class=\"meta\">{Plural(runs.Count, "run")} in the history, newest first.</p>");
        if (runs.Count >= 2)
        {
            w.Append("<form class=\"f\" method=\"get\" action=\"/compare\" id=\"compare-form\"><label>compare <select name=\"a\" id=\"compare-a\">");
            foreach (var r in runs)
            {
                w.Append($"<option value=\"{Html(r.Run.RunId)}\"{(r == runs[1] ? " selected" : "")}>{Html(r.Run.RunId)}</option>");
            }
            w.Append("</select></label><label>with <select name=\"b\" id=\"compare-b\">");
            foreach (var r in runs)
            {
                w.Append($"<option value=\"{Html(r.Run.RunId)}\"{(r == runs[0] ? " selected" : "")}>{Html(r.Run.RunId)}</option>");
            }
            w.Append("</select></label><button type=\"submit\">compare</button></form>");
        }
        w.Append("<table id=\"runs\"><thead><tr><th>run</th><th>started</th><th>command</th><th>passed</th><th>failed</th><th>errors</th><th>rubric</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            w.Append($"<tr><td><a href=\"/runs/{Url(r.Run.RunId)}\">{Html(r.Run.RunId)}</a></td><td>{Html(Time(r.Run.StartedAt))}</td><td><code>{Html(r.Run.Command)}</code></td>")
             .Append($"<td>{r.Passed.ToString(Inv)}</td><td>{r.Failed.ToString(Inv)}</td><td>{r.Errors.ToString(Inv)}</td><td><code>{Html(ShortHash(r.Run.RubricSha256))}</code></td></tr>");
        }
        w.Append("</tbody></table>");
        return Close(w);
    }

    public static string Run(ReportModel model, RunFilter filter)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(filter);
        var runId = model.Run.RunId;
        var shown = filter.Apply(model.Profiles);
        var dimensions = DimensionsOf(model);
        var reviewers = model.Profiles.SelectMany(p => p.Reviews.Select(r => r.ReviewerId)).Distinct().Order(StringComparer.Ordinal).ToList();
        var w = new StringBuilder();
        Open(w, $"Run {runId}", $"run {runId}");
        w.Append($"<p class=\"meta\"><code>{Html(model.Run.Command)}</code> · started {Html(Time(model.Run.StartedAt))} · rubric <code>{Html(ShortHash(model.Run.RubricSha256))}</code></p>");
        w.Append($"<form class=\"f\" method=\"get\" action=\"/runs/{Url(runId)}\" id=\"filter\">")
         .Append($"<input type=\"search\" name=\"q\" id=\"q\" placeholder=\"search id, title, quotes\" value=\"{Html(filter.Search)}\">")
         .Append($"<label><input type=\"checkbox\" name=\"failing\" id=\"failing\" value=\"1\"{(filter.FailingOnly ? " checked" : "")}> failing only</label>")
         .Append("<label>failing on <select name=\"dimension\" id=\"dimension\"><option value=\"\">any dimension</option>");
        foreach (var d in Dimensions.All.Append(Verdict.InjectionRule))
        {
            w.Append($"<option{(d == filter.Dimension ? " selected" : "")}>{Html(d)}</option>");
        }
        w.Append("</select></label><label>because of <select name=\"reviewer\" id=\"reviewer\"><option value=\"\">any reviewer</option>");
        foreach (var r in reviewers)
        {
            w.Append($"<option{(r == filter.Reviewer ? " selected" : "")}>{Html(r)}</option>");
        }
        w.Append($"</select></label><input type=\"hidden\" name=\"sort\" value=\"{Html(filter.Sort)}\"><button type=\"submit\" id=\"apply\">apply</button></form>");
        w.Append($"<p class=\"meta\" id=\"count\">showing {shown.Count.ToString(Inv)} of {Plural(model.Profiles.Count, "profile")}</p>");

        string SortLink(string key, string label)
        {
            var desc = filter.Sort == key && !filter.Descending;
            var query = Query(filter with { Sort = key, Descending = desc });
            return $"<a href=\"/runs/{Url(runId)}{query}\" class=\"sort\" data-sort=\"{Html(key)}\">{Html(label)}{(filter.Sort == key ? (filter.Descending ? " ▼" : " ▲") : "")}</a>";
        }
        w.Append($"<table class=\"hm\" id=\"profiles\"><thead><tr><th>{SortLink("profile", "profile")}</th><th>{SortLink("verdict", "verdict")}</th><th>{SortLink("min", "min")}</th>");
        foreach (var d in dimensions)
        {
            w.Append($"<th>{SortLink(d, d)}</th>");
        }
        w.Append("<th>failing</th></tr></thead><tbody>");
        foreach (var p in shown)
        {
            var key = ReportModel.KeyOf(p);
            var link = p.ProfileId is null ? Html(key) : $"<a href=\"/profiles/{Url(p.ProfileId)}?run={Url(runId)}\">{Html(key)}</a>";
            w.Append($"<tr data-profile=\"{Html(key)}\"><th scope=\"row\">{link}<br><span class=\"t\">{Html(p.Title)}</span></th><td>{Badge(p.Verdict.Outcome)}</td><td class=\"s\">{Score(p.Verdict.Minimum)}</td>");
            foreach (var d in dimensions)
            {
                var r = Result(p.Verdict, d);
                var cls = r?.Aggregate is double v ? $"s{Math.Clamp((int)Math.Floor(v), 1, 5)}" : "s0";
                w.Append($"<td class=\"s {cls}{(r?.Failing == true ? " f" : "")}\">{Score(r?.Aggregate)}{(r?.VetoedBy.Count > 0 ? " ⛔" : "")}</td>");
            }
            w.Append($"<td>{Html(p.Verdict.Error is not null && p.Verdict.Failing.Count == 0 ? p.Verdict.Error : string.Join(", ", p.Verdict.Failing))}</td></tr>");
        }
        w.Append("</tbody></table>");
        return Close(w);
    }

    /// <param name="antiforgery">The form field name and request token of the waive form; null: no form (read-only).</param>
    public static string Profile(ProfileView view, double threshold, (string Field, string Token)? antiforgery = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var report = view.Report;
        var v = report.Verdict;
        var w = new StringBuilder();
        Open(w, report.ProfileId ?? report.Source, $"{report.ProfileId} — {report.Title}");
        w.Append($"<p class=\"meta\">{Badge(v.Outcome)} minimum {Score(v.Minimum)} · run <a href=\"/runs/{Url(report.RunId)}\">{Html(report.RunId)}</a> · version <code>{Html(ShortHash(report.VersionHash))}</code> · <code>{Html(report.Source)}</code></p>");
        if (v.Error is not null)
        {
            w.Append($"<p class=\"err\">{Html(v.Error)}</p>");
        }
        if (view.Effective is { } effective)
        {
            if (effective.Waived)
            {
                w.Append($"<p id=\"effective\">effective verdict {Badge(effective.Effective)} — the panel's {Badge(effective.Panel)} is waived</p>");
            }
            foreach (var wv in effective.Applied)
            {
                w.Append($"<p class=\"meta waiver\">waiver {wv.Sequence.ToString(Inv)}: {Html(wv.Dimensions.Count == 0 ? "all dimensions" : string.Join(", ", wv.Dimensions))} by {Html(wv.By)} at {Html(Time(wv.RecordedAt))}{(wv.ExpiresAt is { } e ? $" until {Html(Time(e))}" : "")}: {Html(wv.Reason)}</p>");
            }
        }
        if (antiforgery is { } token)
        {
            WaiveForm(w, report, token);
        }
        w.Append("<h2>Score history</h2><figure>").Append(HtmlChart.Render(view.History, threshold)).Append("</figure>");

        w.Append("<h2>Dimensions</h2><table id=\"dimensions\"><thead><tr><th>dimension</th><th>score</th><th>judged by</th><th>notes</th></tr></thead><tbody>");
        foreach (var d in v.Dimensions)
        {
            var notes = new List<string>();
            if (d.Failing)
            {
                notes.Add("FAILING");
            }
            notes.AddRange(d.VetoedBy.Select(x => $"vetoed by {x.Reviewer} ({x.Score.ToString(Inv)}): “{x.Evidence.FirstOrDefault()?.Quote}” {x.Evidence.FirstOrDefault()?.Note}"));
            notes.AddRange(d.Overruled.Select(o => $"overruled {o.Reviewer} ({o.Score.ToString(Inv)}): {o.Reason}"));
            w.Append($"<tr{(d.Failing ? " class=\"failing\"" : "")}><td>{Html(d.Dimension)}</td><td class=\"s\">{Score(d.Aggregate)}</td><td>{Html(string.Join(", ", d.ScoredBy))}</td><td>{Html(string.Join("; ", notes))}</td></tr>");
        }
        w.Append("</tbody></table>");
        if (v.Injections.Count > 0)
        {
            w.Append("<h3>Instructions aimed at reviewers</h3>");
            foreach (var e in v.Injections)
            {
                w.Append($"<blockquote>[{Html(e.LayerKey)}] {Html(e.Quote)}</blockquote>");
            }
        }

        w.Append("<h2>Reviews</h2>");
        foreach (var r in report.Reviews.Concat(report.Adjudications))
        {
            w.Append($"<details open class=\"review\"><summary><b>{Html(r.ReviewerId)}</b> <span class=\"t\">{Html(r.Kind)} · {Html(r.Status.ToString().ToLowerInvariant())}{(r.ReusedFromRun is null ? "" : $" · reused from {Html(r.ReusedFromRun)}")}</span></summary><div class=\"body\">");
            if (r.Error is not null)
            {
                w.Append($"<p class=\"err\">{Html(r.Error)}</p>");
            }
            if (!string.IsNullOrWhiteSpace(r.Rationale))
            {
                w.Append($"<p>{Html(r.Rationale)}</p>");
            }
            w.Append("<ul>");
            foreach (var s in r.Scores)
            {
                w.Append($"<li><b>{Html(s.Dimension)}</b> = {(s.Score is int n ? n.ToString(Inv) : "abstain")}{(s.Ungrounded ? " <span class=\"b ug\">ungrounded</span>" : "")}: {Html(s.Rationale)}");
                foreach (var e in s.Evidence)
                {
                    w.Append($"<blockquote class=\"q{(e.Grounded == false ? " ug" : "")}\">[{Html(e.LayerKey)}] “{Html(e.Quote)}”{(e.Note is null ? "" : $" <small>— {Html(e.Note)}</small>")}</blockquote>");
                }
                w.Append("</li>");
            }
            w.Append("</ul></div></details>");
        }

        w.Append("<h2>Layers</h2>");
        if (view.LayerText.Count == 0)
        {
            w.Append("<p class=\"mut\">The source file no longer holds this version, so only hashes, sources and quotes are shown.</p>");
        }
        foreach (var l in report.Layers)
        {
            w.Append($"<details class=\"layer\" id=\"layer-{Html(l.Key)}\"{(l.Citations.Count > 0 ? " open" : "")}><summary><b>{Html(l.Key)}</b> <span class=\"t\">{Html(l.Title)} · {Plural(l.Citations.Count, "citation")}</span></summary><div class=\"body\">");
            w.Append($"<dl class=\"kv\"><dt>sha256</dt><dd><code>{Html(l.Sha256)}</code></dd><dt>sources</dt><dd>{Html(string.Join(", ", l.Sources))}</dd></dl>");
            if (view.LayerText.TryGetValue(l.Key, out var text))
            {
                w.Append("<pre class=\"lt\">").Append(Highlight(text, l.Citations.Where(c => c.Grounded).Select(c => c.Quote))).Append("</pre>");
            }
            foreach (var c in l.Citations)
            {
                w.Append($"<blockquote class=\"q{(c.Grounded ? "" : " ug")}\"><small>{Html(c.ReviewerId)} {Html(c.Dimension ?? "injection")}{(c.Score is int s ? "=" + s.ToString(Inv) : "")}</small> “{Html(c.Quote)}”{(c.Note is null ? "" : $" <small>— {Html(c.Note)}</small>")}</blockquote>");
            }
            w.Append("</div></details>");
        }
        return Close(w);
    }

    public static string Compare(RunComparison c, bool flippedOnly)
    {
        ArgumentNullException.ThrowIfNull(c);
        var w = new StringBuilder();
        Open(w, "Compare runs", $"{c.A.RunId} → {c.B.RunId}");
        var flipped = c.Profiles.Count(p => p.Flipped);
        w.Append($"<p class=\"meta\" id=\"summary\">{Plural(c.Profiles.Count, "shared profile")}, {flipped.ToString(Inv)} flipped; only in A: {c.OnlyInA.Count.ToString(Inv)}, only in B: {c.OnlyInB.Count.ToString(Inv)}</p>");
        w.Append("<h2>What changed between the runs</h2><ul id=\"changes\">");
        w.Append(c.Rubric is { } rub ? $"<li>rubric <code>{Html(ShortHash(rub.Before))}</code> → <code>{Html(ShortHash(rub.After))}</code></li>" : "<li>rubric unchanged</li>");
        foreach (var p in c.Prompts)
        {
            w.Append($"<li>prompt {Html(p.ReviewerId)} <code>{Html(ShortHash(p.Before ?? "(absent)"))}</code> → <code>{Html(ShortHash(p.After ?? "(absent)"))}</code></li>");
        }
        foreach (var m in c.Models)
        {
            w.Append($"<li>model {Html(m.ReviewerId)} {Html(m.Before ?? "—")} → {Html(m.After ?? "—")}</li>");
        }
        if (c.Prompts.Count == 0 && c.Models.Count == 0)
        {
            w.Append("<li>prompts and models unchanged</li>");
        }
        w.Append("</ul>");
        if (c.MeanDelta.Count > 0)
        {
            w.Append("<h3>Mean change per dimension (B − A)</h3><p id=\"mean-delta\">")
             .Append(string.Join(" · ", c.MeanDelta.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{Html(kv.Key)} {Delta(kv.Value)}"))).Append("</p>");
        }
        var dims = Dimensions.All.Where(d => c.Profiles.Any(p => p.Dimensions[d].Before is not null || p.Dimensions[d].After is not null)).ToList();
        w.Append($"<p><a href=\"/compare?a={Url(c.A.RunId)}&amp;b={Url(c.B.RunId)}{(flippedOnly ? "" : "&amp;flipped=1")}\" id=\"toggle-flipped\">{(flippedOnly ? "show all shared profiles" : "show flipped only")}</a></p>");
        w.Append("<table class=\"hm\" id=\"deltas\"><thead><tr><th>profile</th><th>A</th><th>B</th><th>min</th>");
        foreach (var d in dims)
        {
            w.Append($"<th>{Html(d)}</th>");
        }
        w.Append("<th>inputs changed</th></tr></thead><tbody>");
        foreach (var p in c.Profiles.Where(p => !flippedOnly || p.Flipped))
        {
            w.Append($"<tr data-profile=\"{Html(p.ProfileId)}\"{(p.Flipped ? " class=\"flip\"" : "")}><th scope=\"row\"><a href=\"/profiles/{Url(p.ProfileId)}?run={Url(c.B.RunId)}\">{Html(p.ProfileId)}</a>{(p.Flipped ? " <span class=\"b inj\">flipped</span>" : "")}</th>")
             .Append($"<td>{Badge(p.Before)}</td><td>{Badge(p.After)}</td><td class=\"s\">{Score(p.MinimumBefore)} → {Score(p.MinimumAfter)}</td>");
            foreach (var d in dims)
            {
                var (before, after) = p.Dimensions[d];
                w.Append($"<td class=\"s\">{(before is double b && after is double a ? Delta(a - b) : $"{Score(before)} → {Score(after)}")}</td>");
            }
            var inputs = new List<string>();
            if (p.Changes.Layers.Count > 0)
            {
                inputs.Add("text: " + string.Join(", ", p.Changes.Layers.Select(l => l.Key)));
            }
            inputs.AddRange(p.Changes.Prompts.Select(x => $"prompt {x.ReviewerId}"));
            inputs.AddRange(p.Changes.Models.Select(x => $"model {x.ReviewerId}"));
            w.Append($"<td>{Html(inputs.Count == 0 ? (p.Changes.Rubric is null ? "nothing" : "rubric") : string.Join("; ", inputs))}</td></tr>");
        }
        w.Append("</tbody></table>");
        return Close(w);
    }

    public static string Queue(QueueStatus status, IReadOnlyList<WorkItem> waiting, IReadOnlyList<WorkItem> dead)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(dead);
        var w = new StringBuilder();
        Open(w, "Queue", "the queue");
        w.Append("<div class=\"cards\" id=\"counts\">");
        foreach (var (state, count) in status.Counts.OrderBy(kv => kv.Key))
        {
            w.Append($"<div class=\"card\"><b>{count.ToString(Inv)}</b><span>{Html(state.ToString().ToLowerInvariant())}</span></div>");
        }
        w.Append("</div>");
        if (status.OldestWaiting is { } o)
        {
            w.Append($"<p>oldest waiting: job {o.Id.ToString(Inv)} <code>{Html(o.Source)}</code> since {Html(Time(o.EnqueuedAt))}</p>");
        }
        if (status.DoneByWorker.Count > 0)
        {
            w.Append("<h3>Done by worker</h3><ul>");
            foreach (var (worker, n) in status.DoneByWorker.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.Append($"<li>{Html(worker)}: {n.ToString(Inv)}</li>");
            }
            w.Append("</ul>");
        }
        Items(w, "Waiting", waiting);
        Items(w, "Dead", dead);
        return Close(w);
    }

    /// <summary>The page of a request the viewer refuses (a waive form with a missing or invalid field), naming the problem.</summary>
    public static string BadRequest(string problem)
    {
        var w = new StringBuilder();
        Open(w, "Bad request", "bad request");
        w.Append($"<p class=\"err\" id=\"problem\">{Html(problem)}</p><p><a href=\"javascript:history.back()\">back</a></p>");
        return Close(w);
    }

    // A person's decision for exactly this version, through the same waiver service as `reviewpanel waive`.
    private static void WaiveForm(StringBuilder w, ProfileReport report, (string Field, string Token) antiforgery)
    {
        var choices = report.Verdict.Failing.Count > 0 ? report.Verdict.Failing : Dimensions.All;
        w.Append($"<details class=\"waive\"{(report.Verdict.Outcome == VerdictOutcome.Fail ? " open" : "")}><summary><b>Waive</b> <span class=\"t\">record a waiver for version <code>{Html(ShortHash(report.VersionHash))}</code></span></summary>")
            .Append($"<form class=\"f\" method=\"post\" action=\"/profiles/{Url(report.ProfileId)}/waive\" id=\"waive-form\">")
            .Append($"<input type=\"hidden\" name=\"{Html(antiforgery.Field)}\" value=\"{Html(antiforgery.Token)}\">")
            .Append($"<input type=\"hidden\" name=\"version\" value=\"{Html(report.VersionHash)}\">")
            .Append($"<input type=\"hidden\" name=\"run\" value=\"{Html(report.RunId)}\">")
            .Append("<label>dimension <select name=\"dimension\" id=\"waive-dimension\"><option value=\"all\">all failing</option>");
        foreach (var d in choices)
        {
            w.Append($"<option value=\"{Html(d)}\">{Html(d)}</option>");
        }
        w.Append("</select></label>")
            .Append("<label>by <input name=\"by\" id=\"waive-by\" required maxlength=\"200\"></label>")
            .Append("<label>reason <input name=\"reason\" id=\"waive-reason\" required maxlength=\"2000\" size=\"40\"></label>")
            .Append("<label>expires <input type=\"date\" name=\"expires\" id=\"waive-expires\"></label>")
            .Append("<button type=\"submit\" id=\"waive-submit\">waive</button></form></details>");
    }

    public static string NotFound(string what)
    {
        var w = new StringBuilder();
        Open(w, "Not found", "not found");
        w.Append($"<p class=\"err\">{Html(what)}</p>");
        return Close(w);
    }

    private static void Items(StringBuilder w, string title, IReadOnlyList<WorkItem> items)
    {
        w.Append($"<h2>{Html(title)}</h2>");
        if (items.Count == 0)
        {
            w.Append("<p class=\"mut\">none</p>");
            return;
        }
        w.Append("<table><thead><tr><th>job</th><th>source</th><th>run</th><th>attempt</th><th>last error</th></tr></thead><tbody>");
        foreach (var i in items)
        {
            w.Append($"<tr><td>{i.Id.ToString(Inv)}</td><td><code>{Html(i.Source)}</code></td><td>{Html(i.RunId)}</td><td>{i.Attempt.ToString(Inv)}</td><td>{Html(i.LastError)}</td></tr>");
        }
        w.Append("</tbody></table>");
    }

    /// <summary>The layer text, encoded, with each grounded quote wrapped in &lt;mark&gt; where it occurs verbatim (ignoring case).</summary>
    internal static string Highlight(string text, IEnumerable<string> quotes)
    {
        var marked = new bool[text.Length];
        foreach (var q in quotes.Where(q => q.Length > 0).Distinct(StringComparer.Ordinal))
        {
            for (var at = text.IndexOf(q, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(q, at + q.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, q.Length);
            }
        }
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            while (j < text.Length && marked[j] == marked[i])
            {
                j++;
            }
            var chunk = Html(text[i..j]);
            sb.Append(marked[i] ? $"<mark>{chunk}</mark>" : chunk);
            i = j;
        }
        return sb.ToString();
    }

    private static string Query(RunFilter f)
    {
        var parts = new List<string> { $"sort={Url(f.Sort)}" };
        if (f.Descending)
        {
            parts.Add("desc=1");
        }
        if (f.FailingOnly)
        {
            parts.Add("failing=1");
        }
        if (!string.IsNullOrEmpty(f.Dimension))
        {
            parts.Add($"dimension={Url(f.Dimension)}");
        }
        if (!string.IsNullOrEmpty(f.Reviewer))
        {
            parts.Add($"reviewer={Url(f.Reviewer)}");
        }
        if (!string.IsNullOrEmpty(f.Search))
        {
            parts.Add($"q={Url(f.Search)}");
        }
        return "?" + string.Join("&amp;", parts);
    }

    private static string Delta(double d) => d switch
    {
        > 0 => $"<span class=\"up\">+{Score(d)}</span>",
        < 0 => $"<span class=\"down\">{Score(d)}</span>",
        _ => "±0",
    };

    private static string Url(string? s) => Uri.EscapeDataString(s ?? "");

    private static string Plural(int n, string noun) => $"{n.ToString(Inv)} {noun}{(n == 1 ? "" : "s")}";

    private static string Badge(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => "<span class=\"b pass\">PASS</span>",
        VerdictOutcome.Fail => "<span class=\"b fail\">FAIL</span>",
        _ => "<span class=\"b error\">ERROR</span>",
    };

    private static void Open(StringBuilder w, string title, string heading)
    {
        w.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append($"<title>{Html(title)} · ReviewPanel</title><style>{HtmlStyle.Css}{ExtraCss}</style></head><body>")
         .Append("<header><nav><a href=\"/\">runs</a><a href=\"/queue\">queue</a></nav>")
         .Append($"<h1>{Html(heading)}</h1></header><main>");
    }

    private static string Close(StringBuilder w) => w.Append("</main><footer>ReviewPanel viewer · the history; waivers are the one thing it records</footer></body></html>").ToString();
}
