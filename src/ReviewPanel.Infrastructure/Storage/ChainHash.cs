using System.Globalization;
using System.Text.Json;
using ReviewPanel.Hashing;
using ReviewPanel.Serialization;

namespace ReviewPanel.Storage;

/// <summary>
/// The record hash both backends write and verify. record_sha = SHA-256 of the canonical JSON of
/// {seq, runId, profileId, versionHash, source, outcome, minimum, scores, failing, recordedAt, reportSha256,
/// previousSha256}; reportSha256 = SHA-256 of the stored report_json text. Everything hashed is a plain
/// string or number, so the chain can be re-checked outside .NET.
/// </summary>
internal static class ChainHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Microseconds, UTC: what PostgreSQL's timestamptz keeps exactly, so both backends hash the same text.</summary>
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string OfReport(string reportJson) => Sha256Text.Of(reportJson);

    /// <summary>Scores as stored: keys sorted ordinally so the same verdict always gives the same text.</summary>
    public static string ScoresJson(IEnumerable<KeyValuePair<string, double?>> scores) =>
        JsonSerializer.Serialize(new SortedDictionary<string, double?>(scores.ToDictionary(), StringComparer.Ordinal), ReviewPanelJson.Canonical);

    public static string OfRecord(VerdictRow row, string reportSha256)
    {
        // Parsed back from the columns (not taken from the report) so a change to any hashed column shows.
        var scores = JsonSerializer.Deserialize<Dictionary<string, double?>>(row.ScoresJson, ReviewPanelJson.Canonical)
            ?? throw new JsonException("scores_json is null");
        var failing = JsonSerializer.Deserialize<List<string>>(row.FailingJson, ReviewPanelJson.Canonical)
            ?? throw new JsonException("failing_json is null");
        var record = new ChainRecord(
            row.Sequence,
            row.RunId,
            row.ProfileId,
            row.VersionHash,
            row.Source,
            row.Outcome,
            row.Minimum,
            new SortedDictionary<string, double?>(scores, StringComparer.Ordinal),
            failing,
            FormatTimestamp(row.RecordedAt),
            reportSha256,
            row.PreviousSha256);
        return Sha256Text.Of(JsonSerializer.Serialize(record, ReviewPanelJson.Canonical));
    }

    /// <summary>The hashed shape; property order is the serialization order and is part of the format.</summary>
    private sealed record ChainRecord(
        long Seq,
        string RunId,
        string ProfileId,
        string VersionHash,
        string Source,
        string Outcome,
        double? Minimum,
        SortedDictionary<string, double?> Scores,
        IReadOnlyList<string> Failing,
        string RecordedAt,
        string ReportSha256,
        string PreviousSha256);
}
