using System.Globalization;
using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Text;

namespace ReviewPanel.Cli.Output;

/// <summary>The <c>review --dry-run</c> estimate: one row per profile and a total, as a plain table or JSON.</summary>
internal static class DryRunOutput
{
    public static async Task WriteAsync(IReadOnlyList<CostEstimate> rows, string format, PricingOptions pricing, TextWriter writer)
    {
        var calls = rows.Sum(r => r.Calls.Count);
        var prompt = rows.Sum(r => (long)r.PromptTokens);
        var output = rows.Sum(r => (long)r.MaxOutputTokens);
        decimal? total = rows.Any(r => r.Calls.Count > 0 && r.Cost is null) ? null : rows.Sum(r => r.Cost ?? 0);
        if (format == "json")
        {
            await writer.WriteLineAsync(Json(rows, pricing, calls, prompt, output, total)).ConfigureAwait(false);
            return;
        }
        var width = Math.Clamp(rows.Max(r => (r.ProfileId ?? r.Source).Length), 7, 60);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"profile".PadRight(width)}  {"calls",5}  {"prompt",10}  {"max out",10}  {"cost",12}")).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var name = VisibleText.Escape(row.ProfileId ?? row.Source);
            name = name.Length > width ? name[..(width - 1)] + "…" : name;
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name.PadRight(width)}  {row.Calls.Count,5}  {row.PromptTokens,10:N0}  {row.MaxOutputTokens,10:N0}  {Cost(row.Error is null ? row.Cost : null, row.Calls.Count, row.Error),12}")).ConfigureAwait(false);
        }
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"dry run: {rows.Count} profile(s), {calls} model call(s), {prompt:N0} prompt + {output:N0} max output tokens (estimated: prompt characters / 4 plus max_tokens per call); ")
            + (total is { } t ? string.Create(CultureInfo.InvariantCulture, $"estimated cost at most {t:0.####} {pricing.Currency}") : pricing.Any ? "cost unknown: a called deployment has no price" : "cost unknown: no prices configured (ReviewPanel:Pricing)")
            + "; nothing was called or recorded.").ConfigureAwait(false);
    }

    private static string Cost(decimal? cost, int calls, string? error) =>
        error is not null ? "error" : calls == 0 ? "0" : cost is { } c ? c.ToString("0.####", CultureInfo.InvariantCulture) : "unknown";

    private static string Json(IReadOnlyList<CostEstimate> rows, PricingOptions pricing, int calls, long prompt, long output, decimal? total)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("dryRun", true);
            json.WriteStartArray("profiles");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("source", row.Source);
                json.WriteString("profileId", row.ProfileId);
                json.WriteNumber("calls", row.Calls.Count);
                json.WriteNumber("promptTokens", row.PromptTokens);
                json.WriteNumber("maxOutputTokens", row.MaxOutputTokens);
                WriteCost(json, "cost", row.Error is null ? row.Cost : null);
                json.WriteString("error", row.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("total");
            json.WriteNumber("calls", calls);
            json.WriteNumber("promptTokens", prompt);
            json.WriteNumber("maxOutputTokens", output);
            WriteCost(json, "cost", total);
            json.WriteString("currency", pricing.Currency);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCost(Utf8JsonWriter json, string name, decimal? cost)
    {
        if (cost is { } c)
        {
            json.WriteNumber(name, c);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
