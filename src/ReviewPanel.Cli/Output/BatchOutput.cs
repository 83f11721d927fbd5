using System.Globalization;
using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;
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

    public static async Task WriteAsync(BatchResult result, string format, TextWriter writer)
    {
        switch (format)
        {
            case "json":
                await writer.WriteAsync(Json(result)).ConfigureAwait(false);
                await writer.WriteLineAsync().ConfigureAwait(false);
                break;
            default:
                Table(result, ConsoleFactory.For(writer));
                break;
        }
        await writer.FlushAsync().ConfigureAwait(false);
    }

    public static string Score(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    private static void Table(BatchResult result, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"run {result.RunId}");
        table.AddColumn("profile");
        table.AddColumn("verdict");
        table.AddColumn(new TableColumn("min").RightAligned());
        foreach (var d in Dimensions.All)
        {
            table.AddColumn(new TableColumn(ShortNames[d]).RightAligned());
        }
        table.AddColumn("failing");
        foreach (var p in result.Profiles)
        {
            var verdict = p.Verdict switch
            {
                VerdictOutcome.Pass => "[green]pass[/]",
                VerdictOutcome.Fail => "[red]fail[/]",
                _ => "[yellow]error[/]",
            };
            var cells = new List<string> { Markup.Escape(VisibleText.Escape(p.ProfileId ?? p.Source)), verdict, Score(p.Minimum) };
            cells.AddRange(Dimensions.All.Select(d => Score(p.Scores.GetValueOrDefault(d))
                + (p.Vetoes.Any(v => v.Dimension == d) ? "!" : "")
                + (p.Unstable.Contains(d) ? "~" : "")));
            cells.Add(Markup.Escape(VisibleText.Escape(p.Error is not null && p.Failing.Count == 0 ? p.Error : string.Join(", ", p.Failing))));
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        console.MarkupLine(
            $"{result.Count(VerdictOutcome.Pass)} passed, {result.Count(VerdictOutcome.Fail)} failed, {result.Count(VerdictOutcome.Error)} errored " +
            $"of {result.Profiles.Count} in {(result.FinishedAt - result.StartedAt).TotalSeconds:0.0}s. " +
            "[grey]– = not judged, ! = capped by a grounded finding (veto), ~ = unstable across repeats; details: reviewpanel show <profile-id>[/]");
    }

    public static string Json(BatchResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("runId", result.RunId);
            json.WriteString("startedAt", result.StartedAt);
            json.WriteString("finishedAt", result.FinishedAt);
            json.WriteStartObject("counts");
            json.WriteNumber("pass", result.Count(VerdictOutcome.Pass));
            json.WriteNumber("fail", result.Count(VerdictOutcome.Fail));
            json.WriteNumber("error", result.Count(VerdictOutcome.Error));
            json.WriteEndObject();
            json.WriteStartArray("profiles");
            foreach (var p in result.Profiles)
            {
                WriteProfile(json, p);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteProfile(Utf8JsonWriter json, ProfileSummary p)
    {
        json.WriteStartObject();
        json.WriteString("source", p.Source);
        json.WriteString("profileId", p.ProfileId);
        json.WriteString("title", p.Title);
        json.WriteString("versionHash", p.VersionHash);
        json.WriteString("verdict", p.Verdict.ToString().ToLowerInvariant());
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
        json.WriteEndObject();
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
