using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;
using ReviewPanel.Serialization;

namespace ReviewPanel.Storage;

/// <summary>One row of <c>verdicts</c>, as written and as read back by both backends.</summary>
internal sealed record VerdictRow
{
    public required long Sequence { get; init; }
    public required string RunId { get; init; }
    /// <summary>The profile id; "" when the import failed (the record is then found by its source).</summary>
    public required string ProfileId { get; init; }
    /// <summary>The version hash; "" when the import failed.</summary>
    public required string VersionHash { get; init; }
    public required string Source { get; init; }
    public required string DedupeKey { get; init; }
    public required string Outcome { get; init; }
    public double? Minimum { get; init; }
    public required string ScoresJson { get; init; }
    public required string FailingJson { get; init; }
    /// <summary>Null when the query did not load it (history listings do not need the full report).</summary>
    public string? ReportJson { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordSha256 { get; init; }
    public required string PreviousSha256 { get; init; }

    /// <summary>
    /// One run records a profile version once; a file that failed to import has no version, so its source
    /// stands in (prefixed so it can never equal a hash).
    /// </summary>
    public static string DedupeKeyOf(ProfileReport report) =>
        string.IsNullOrEmpty(report.VersionHash) ? "source:" + report.Source : report.VersionHash;

    public static VerdictRow Create(long sequence, ProfileReport report, string reportJson, DateTimeOffset recordedAt, string previousSha256)
    {
        var row = new VerdictRow
        {
            Sequence = sequence,
            RunId = report.RunId,
            ProfileId = report.ProfileId ?? "",
            VersionHash = report.VersionHash ?? "",
            Source = report.Source,
            DedupeKey = DedupeKeyOf(report),
            Outcome = EnumText.Of(report.Verdict.Outcome),
            Minimum = report.Verdict.Minimum,
            ScoresJson = ChainHash.ScoresJson(report.Verdict.Dimensions.Select(d => KeyValuePair.Create(d.Dimension, d.Aggregate))),
            FailingJson = JsonSerializer.Serialize(report.Verdict.Failing, ReviewPanelJson.Canonical),
            ReportJson = reportJson,
            RecordedAt = ChainHash.ToStoredPrecision(recordedAt),
            RecordSha256 = "",
            PreviousSha256 = previousSha256,
        };
        return row with { RecordSha256 = ChainHash.OfRecord(row, ChainHash.OfReport(reportJson)) };
    }

    public StoredVerdict ToStoredVerdict() => new()
    {
        Sequence = Sequence,
        RunId = RunId,
        ProfileId = ProfileId,
        VersionHash = VersionHash,
        Source = Source,
        Outcome = EnumText.Parse<VerdictOutcome>(Outcome),
        Minimum = Minimum,
        Scores = JsonSerializer.Deserialize<Dictionary<string, double?>>(ScoresJson, ReviewPanelJson.Canonical) ?? [],
        Failing = JsonSerializer.Deserialize<List<string>>(FailingJson, ReviewPanelJson.Canonical) ?? [],
        RecordedAt = RecordedAt,
        RecordSha256 = RecordSha256,
        PreviousSha256 = PreviousSha256,
    };
}
