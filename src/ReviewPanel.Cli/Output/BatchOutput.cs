using System.Globalization;
using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
using ReviewPanel.Waivers;
using Spectre.Console;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Output;

/// <summary>Writes a batch result as a table or as JSON (field names are a contract).</summary>
internal static class BatchOutput
{
    /// <summary>Column headers for the table: short, so seven dimensions fit a laptop terminal.</summary>
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        [Dimensions.Accuracy] = "acc",
        [Dimensions.LevelCalibration] = "level",
        [Dimensions.Distinctiveness] = "dist",
        [Dimensions.Specificity] = "spec",
        [Dimensions.Consistency] = "cons",
        [Dimensions.Evidence] = "evid",
        [Dimensions.Fairness] = "fair",
    };

    /// <summary>Narrowest table before the output stacks one block per profile.</summary>
    public const int StackWidth = 80;

    /// <summary>Longest id shown whole when the table would not fit; longer ones get a number and a legend line.</summary>
    private const int ShortIdLength = 14;

    public static async Task WriteAsync(BatchResult result, string format, TextWriter writer, bool onlyFailing = false, PricingOptions? pricing = null,
        IReadOnlyDictionary<string, EffectiveVerdict>? waived = null)
    {
        waived ??= new Dictionary<string, EffectiveVerdict>();
        var shown = onlyFailing ? result with { Profiles = result.Profiles.Where(p => p.Verdict != VerdictOutcome.Pass).ToList() } : result;
        switch (format)
        {
            case "json":
                WriteJson(shown, result, pricing, waived, writer);
                await writer.WriteLineAsync().ConfigureAwait(false);
                break;
            default:
                Table(shown, result, ConsoleFactory.For(writer), pricing, waived);
                break;
        }
        await writer.FlushAsync().ConfigureAwait(false);
    }

    public static string Score(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    /// <summary>
    /// The table, fitted to the console's width: dimensions no reviewer judged in this batch are dropped, long ids are
    /// numbered with a legend when the table would not fit, and at <see cref="StackWidth"/> columns or fewer each profile
    /// is a short block of lines instead. <paramref name="all"/> is what the summary line counts.
    /// </summary>
    internal static void Table(BatchResult result, BatchResult all, IAnsiConsole console, PricingOptions? pricing = null,
        IReadOnlyDictionary<string, EffectiveVerdict>? waived = null)
    {
        waived ??= new Dictionary<string, EffectiveVerdict>();
        var width = console.Profile.Width;
        var dimensions = Dimensions.All.Where(d => all.Profiles.Any(p => p.Scores.GetValueOrDefault(d) is not null)).ToList();
        var dropped = Dimensions.All.Except(dimensions).ToList();
        if (width <= StackWidth)
        {
            Stacked(result, dimensions, console, waived);
        }
        else
        {
            Wide(result, dimensions, width, console, waived);
        }
        console.MarkupLine(
            $"{all.Count(VerdictOutcome.Pass)} passed, {all.Count(VerdictOutcome.Fail)} failed, {all.Count(VerdictOutcome.Error)} errored " +
            $"of {all.Profiles.Count} in {(all.FinishedAt - all.StartedAt).TotalSeconds:0.0}s" +
            (result.Profiles.Count < all.Profiles.Count ? $" ({all.Profiles.Count - result.Profiles.Count} passing not shown)" : "") +
            (all.NotReviewed.Count > 0 ? $"; {all.NotReviewed.Count} not reviewed (stopped at max cost)" : "") + "."
            + Markup.Escape(CostLine(all, pricing)));
        if (waived.Count > 0)
        {
            var stillFailing = all.Profiles.Count(p => p.Verdict == VerdictOutcome.Fail && (p.ProfileId is null || !waived.ContainsKey(p.ProfileId)));
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Effective verdict: {all.Count(VerdictOutcome.Pass) + waived.Count} passed ({waived.Count} by waiver), {stillFailing} failed, {all.Count(VerdictOutcome.Error)} errored; the exit code follows it.")));
        }
        console.MarkupLine(
            $"[grey]– = not judged, ! = capped by a grounded finding (veto), ~ = unstable across repeats" +
            (dropped.Count > 0 ? $"; not judged by this panel: {string.Join(", ", dropped)}" : "") +
            (waived.Count > 0 ? "; fail→pass = the panel failed it, a recorded waiver passes it" : "") +
            "; details: reviewpanel show <profile-id>[/]");
    }

    /// <summary>" Cost 0.0123 USD (1,200 in / 300 out tokens)." when prices are configured and models were called; else empty.</summary>
    private static string CostLine(BatchResult all, PricingOptions? pricing)
    {
        var usage = all.Profiles.SelectMany(p => p.Usage).ToList();
        if (pricing is null || !pricing.Any || usage.Count == 0)
        {
            return "";
        }
        var input = usage.Sum(u => u.InputTokens);
        var output = usage.Sum(u => u.OutputTokens);
        var tokens = string.Create(CultureInfo.InvariantCulture, $"{input:N0} in / {output:N0} out tokens");
        return pricing.CostOf(usage) is { } cost
            ? string.Create(CultureInfo.InvariantCulture, $" Cost {cost:0.####} {pricing.Currency} ({tokens}).")
            : $" Cost unknown: no price for deployment(s) {string.Join(", ", usage.Select(u => u.Deployment ?? "(unnamed)").Where(d => pricing.PriceOf(d) is null).Distinct(StringComparer.OrdinalIgnoreCase))} ({tokens}).";
    }

    // Hidden and control characters from a profile or file name are shown as escapes, never sent to the terminal raw.
    private static string Name(ProfileSummary p) => VisibleText.Escape(p.ProfileId ?? p.Source);

    private static string Cell(ProfileSummary p, string d) => Score(p.Scores.GetValueOrDefault(d))
        + (p.Vetoes.Any(v => v.Dimension == d) ? "!" : "")
        + (p.Unstable.Contains(d) ? "~" : "");

    private static string FailingText(ProfileSummary p) => VisibleText.Escape(p.Error is not null && p.Failing.Count == 0 ? p.Error : string.Join(", ", p.Failing));

    private static string VerdictMarkup(ProfileSummary p, IReadOnlyDictionary<string, EffectiveVerdict> waived) =>
        p.ProfileId is not null && waived.ContainsKey(p.ProfileId) ? "[red]fail[/]→[green]pass[/]" : VerdictMarkup(p.Verdict);

    private static string VerdictMarkup(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Pass => "[green]pass[/]",
        VerdictOutcome.Fail => "[red]fail[/]",
        _ => "[yellow]error[/]",
    };

    private static void Wide(BatchResult result, IReadOnlyList<string> dimensions, int width, IAnsiConsole console, IReadOnlyDictionary<string, EffectiveVerdict> waived)
    {
        // A rounded table costs 3 characters per column plus 1; the failing column may wrap, so it counts at its header's width.
        var fixedWidth = 1 + (3 + (waived.Count > 0 ? 9 : 7)) + (3 + 3) + dimensions.Sum(d => 3 + Math.Max(ShortNames[d].Length, 3)) + (3 + 12);
        var longest = result.Profiles.Select(p => Name(p).Length).DefaultIfEmpty(7).Max();
        var legend = new List<(string Key, string Name)>();
        var names = new Dictionary<ProfileSummary, string>();
        var shorten = fixedWidth + 3 + longest > width;
        foreach (var p in result.Profiles)
        {
            var name = Name(p);
            if (shorten && name.Length > ShortIdLength)
            {
                var key = $"#{legend.Count + 1}";
                legend.Add((key, name));
                name = $"{key} {name[..(ShortIdLength - key.Length - 2)]}…";
            }
            names[p] = name;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"run {result.RunId}");
        table.AddColumn(new TableColumn("profile").NoWrap());
        table.AddColumn("verdict");
        table.AddColumn(new TableColumn("min").RightAligned());
        foreach (var d in dimensions)
        {
            table.AddColumn(new TableColumn(ShortNames[d]).RightAligned());
        }
        table.AddColumn("failing");
        foreach (var p in result.Profiles)
        {
            var cells = new List<string> { Markup.Escape(names[p]), VerdictMarkup(p, waived), Score(p.Minimum) };
            cells.AddRange(dimensions.Select(d => Cell(p, d)));
            cells.Add(Markup.Escape(FailingText(p)));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        foreach (var (key, name) in legend)
        {
            console.MarkupLine($"[grey]{Markup.Escape(key)}[/] = {Markup.Escape(name)}");
        }
    }

    /// <summary>One block per profile: the id on its own line (never cut), then the verdict, scores and failing dimensions.</summary>
    private static void Stacked(BatchResult result, IReadOnlyList<string> dimensions, IAnsiConsole console, IReadOnlyDictionary<string, EffectiveVerdict> waived)
    {
        console.MarkupLine($"run {Markup.Escape(result.RunId)}");
        foreach (var p in result.Profiles)
        {
            console.MarkupLine($"[bold]{Markup.Escape(Name(p))}[/]");
            console.MarkupLine($"  {VerdictMarkup(p, waived)} min {Score(p.Minimum)} · " + string.Join(" ", dimensions.Select(d => $"{ShortNames[d]} {Cell(p, d)}")));
            var failing = FailingText(p);
            if (failing.Length > 0)
            {
                console.MarkupLine($"  failing: {Markup.Escape(failing)}");
            }
        }
    }

    public static string Json(BatchResult result) => Json(result, result, null, null);

    /// <summary>The JSON of <paramref name="result"/>'s profiles; <c>counts</c> always count <paramref name="all"/>.</summary>
    public static string Json(BatchResult result, BatchResult all, PricingOptions? pricing, IReadOnlyDictionary<string, EffectiveVerdict>? waived = null)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteJson(result, all, pricing, waived, text);
        return text.ToString();
    }

    /// <summary>
    /// Writes the JSON to <paramref name="output"/> as it goes, a profile at a time: the whole document was built in
    /// memory first, three copies of it at once (14 MB of JSON at 10,000 profiles, so 140 MB at 100,000).
    /// </summary>
    private static void WriteJson(BatchResult result, BatchResult all, PricingOptions? pricing, IReadOnlyDictionary<string, EffectiveVerdict>? waived, TextWriter output)
    {
        waived ??= new Dictionary<string, EffectiveVerdict>();
        using var stream = new MemoryStream();
        // Hands what was written so far to the output; flushed between tokens, so no UTF-8 sequence is ever split.
        void Drain(Utf8JsonWriter json)
        {
            json.Flush();
            output.Write(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
            stream.SetLength(0);
        }
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("runId", result.RunId);
            json.WriteString("startedAt", result.StartedAt);
            json.WriteString("finishedAt", result.FinishedAt);
            json.WriteStartObject("counts");
            json.WriteNumber("pass", all.Count(VerdictOutcome.Pass));
            json.WriteNumber("fail", all.Count(VerdictOutcome.Fail));
            json.WriteNumber("error", all.Count(VerdictOutcome.Error));
            json.WriteNumber("notReviewed", all.NotReviewed.Count);
            json.WriteEndObject();
            // Cost: null when no price is configured or a called deployment has none (unknown is not zero).
            json.WriteStartObject("cost");
            json.WriteString("currency", pricing?.Currency);
            WriteDecimal(json, "total", pricing is { Any: true } ? pricing.CostOf(all.Profiles.SelectMany(p => p.Usage)) : null);
            json.WriteEndObject();
            json.WriteStartArray("profiles");
            foreach (var p in result.Profiles)
            {
                WriteProfile(json, p, pricing, waived);
                if (json.BytesPending + stream.Length > 1 << 16)
                {
                    Drain(json);
                }
            }
            json.WriteEndArray();
            // Sources a --max-cost stop never started: not judged, not recorded, there for the next run.
            json.WriteStartArray("notReviewed");
            foreach (var source in all.NotReviewed)
            {
                json.WriteStringValue(source);
            }
            json.WriteEndArray();
            if (all.StoppedBy is { } budget)
            {
                json.WriteStartObject("stoppedAtMaxCost");
                json.WriteNumber("limit", budget.Limit);
                json.WriteNumber("spent", budget.Spent);
                json.WriteString("unpricedDeployment", budget.Unpriced);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            Drain(json);
        }
    }

    private static void WriteProfile(Utf8JsonWriter json, ProfileSummary p, PricingOptions? pricing, IReadOnlyDictionary<string, EffectiveVerdict> waived)
    {
        json.WriteStartObject();
        json.WriteString("source", p.Source);
        json.WriteString("profileId", p.ProfileId);
        json.WriteString("title", p.Title);
        json.WriteString("versionHash", p.VersionHash);
        json.WriteString("verdict", p.Verdict.ToString().ToLowerInvariant());
        var effective = p.ProfileId is not null && waived.TryGetValue(p.ProfileId, out var found) ? found : null;
        json.WriteString("effectiveVerdict", (effective?.Effective ?? p.Verdict).ToString().ToLowerInvariant());
        json.WriteStartArray("waivers");
        foreach (var w in effective?.Applied ?? [])
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", w.Sequence);
            json.WriteString("by", w.By);
            json.WriteString("reason", w.Reason);
            json.WriteStartArray("dimensions");
            foreach (var d in w.Dimensions)
            {
                json.WriteStringValue(d);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteNumber(json, "minimum", p.Minimum);
        json.WriteStartObject("scores");
        foreach (var (dimension, score) in p.Scores)
        {
            WriteNumber(json, dimension, score);
        }
        json.WriteEndObject();
        json.WriteStartArray("failing");
        foreach (var f in p.Failing)
        {
            json.WriteStringValue(f);
        }
        json.WriteEndArray();
        json.WriteString("error", p.Error);
        json.WriteStartArray("evidence");
        foreach (var e in p.FailingEvidence)
        {
            json.WriteStartObject();
            json.WriteString("layer", e.LayerKey);
            json.WriteString("quote", e.Quote);
            json.WriteString("note", e.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("judgedBy");
        foreach (var (dimension, reviewers) in p.JudgedBy)
        {
            json.WriteStartArray(dimension);
            foreach (var r in reviewers)
            {
                json.WriteStringValue(r);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray("unstable");
        foreach (var u in p.Unstable)
        {
            json.WriteStringValue(u);
        }
        json.WriteEndArray();
        json.WriteStartArray("vetoes");
        foreach (var (dimension, veto) in p.Vetoes)
        {
            json.WriteStartObject();
            json.WriteString("dimension", dimension);
            json.WriteString("vetoedBy", veto.Reviewer);
            json.WriteString("kind", veto.Kind);
            json.WriteNumber("score", veto.Score);
            json.WriteString("layer", veto.Evidence[0].LayerKey);
            json.WriteString("quote", veto.Evidence[0].Quote);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("overruled");
        foreach (var (dimension, o) in p.Overruled)
        {
            json.WriteStartObject();
            json.WriteString("dimension", dimension);
            json.WriteString("reviewer", o.Reviewer);
            json.WriteNumber("score", o.Score);
            json.WriteString("quote", o.Quote);
            json.WriteString("reason", o.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("refutations");
        foreach (var (dimension, r) in p.Refutations)
        {
            json.WriteStartObject();
            json.WriteString("dimension", dimension);
            json.WriteString("by", r.By);
            json.WriteString("finding", r.FindingReviewer);
            json.WriteString("quote", r.FindingQuote);
            json.WriteString("counterLayer", r.Counter.LayerKey);
            json.WriteString("counterQuote", r.Counter.Quote);
            json.WriteBoolean("accepted", r.Accepted);
            json.WriteString("ruling", r.Ruling);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("modelCalls", p.ModelCalls);
        json.WriteNumber("reusedReviews", p.ReusedReviews);
        json.WriteNumber("inputTokens", p.InputTokens);
        json.WriteNumber("outputTokens", p.OutputTokens);
        WriteDecimal(json, "cost", pricing is { Any: true } ? pricing.CostOf(p.Usage) : null);
        WriteNumber(json, "cachedInputTokens", p.CachedInputTokens);
        json.WriteNumber("reservedTokens", p.ReservedTokens);
        json.WriteStartArray("calls");
        foreach (var (reviewer, call) in p.Calls)
        {
            json.WriteStartObject();
            json.WriteString("reviewer", reviewer);
            json.WriteString("deployment", call.Deployment);
            json.WriteNumber("attempts", call.Attempts);
            json.WriteNumber("promptTokens", call.InputTokens);
            json.WriteNumber("completionTokens", call.OutputTokens);
            WriteNumber(json, "cachedTokens", call.CachedInputTokens);
            WriteNumber(json, "reservedTokens", call.ReservedOutputTokens);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDecimal(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
