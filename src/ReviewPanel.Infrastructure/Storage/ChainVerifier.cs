using System.Text.Json;

namespace ReviewPanel.Storage;

/// <summary>
/// Walks verdict rows in sequence order and finds the first one that does not hold: a gap in the sequence
/// (a deleted record), a broken link, a hash that no longer matches the row or its report, or review and
/// score rows that disagree with the hashed report. A hash chain without an outside anchor cannot see the
/// newest records being cut off, nor a rewrite that recomputes every hash after the change.
/// </summary>
internal sealed class ChainVerifier
{
    private long expectedSequence = 1;
    private string previousSha256 = ChainHash.Genesis;

    public long RecordsChecked { get; private set; }

    /// <summary>Checks the next record; returns the broken sequence and what is wrong, or null when it holds.</summary>
    public (long Sequence, string Problem)? Check(VerdictRow row, IReadOnlyList<ReviewRow> reviews, IReadOnlyList<ScoreRow> scores)
    {
        var problem = Inspect(row, reviews, scores);
        if (problem is not null)
        {
            return problem;
        }
        expectedSequence = row.Sequence + 1;
        previousSha256 = row.RecordSha256;
        RecordsChecked++;
        return null;
    }

    private (long, string)? Inspect(VerdictRow row, IReadOnlyList<ReviewRow> reviews, IReadOnlyList<ScoreRow> scores)
    {
        var seq = row.Sequence;
        if (seq != expectedSequence)
        {
            return seq > expectedSequence
                ? (expectedSequence, $"Record {expectedSequence} is missing: the sequence jumps from {expectedSequence - 1} to {seq}, so a record was deleted.")
                : (seq, $"Record {seq} appears out of order after record {expectedSequence - 1}.");
        }
        if (!string.Equals(row.PreviousSha256, previousSha256, StringComparison.Ordinal))
        {
            return (seq, $"Record {seq} does not link to the record before it: its previous-hash is not that record's hash, so a record before it was removed, replaced or reordered.");
        }
        if (row.ReportJson is null)
        {
            return (seq, $"Record {seq} has no stored report.");
        }
        try
        {
            if (!string.Equals(ChainHash.OfRecord(row, ChainHash.OfReport(row.ReportJson)), row.RecordSha256, StringComparison.Ordinal))
            {
                return (seq, $"Record {seq} no longer matches its hash: its verdict columns or its report were changed after it was written.");
            }
            var report = ReportRows.ParseReport(row.ReportJson);
            var fromReport = VerdictRow.Create(seq, report, row.ReportJson, row.RecordedAt, row.PreviousSha256);
            if (!string.Equals(fromReport.RecordSha256, row.RecordSha256, StringComparison.Ordinal))
            {
                return (seq, $"Record {seq}'s verdict columns disagree with its own report.");
            }
            return CompareRows(seq, report, row.ReportJson, reviews, scores);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException)
        {
            return (seq, $"Record {seq} cannot be read back ({ex.Message}), so it was changed after it was written.");
        }
    }

    private static (long, string)? CompareRows(long seq, Panel.ProfileReport report, string reportJson, IReadOnlyList<ReviewRow> reviews, IReadOnlyList<ScoreRow> scores)
    {
        var expected = ReportRows.FromReport(report, reportJson);
        ReportRows? legacy = null;
        if (reviews.Count != expected.Reviews.Count)
        {
            return (seq, $"Record {seq} has {reviews.Count} review rows but its hashed report has {expected.Reviews.Count}: review rows were added or deleted.");
        }
        for (var i = 0; i < reviews.Count; i++)
        {
            // A review row holds its review's text when it has a cache key; rows written by earlier versions hold it
            // for every review. Either form is checked against the hashed report in full.
            if (reviews[i] != expected.Reviews[i] && reviews[i] != (legacy ??= ReportRows.FromReport(report, reportJson, copyEvery: true)).Reviews[i])
            {
                return (seq, $"Record {seq}: the review row of '{expected.Reviews[i].ReviewerId}' differs from the hashed report.");
            }
        }
        if (scores.Count != expected.Scores.Count)
        {
            return (seq, $"Record {seq} has {scores.Count} score rows but its hashed report has {expected.Scores.Count}: score rows were added or deleted.");
        }
        for (var i = 0; i < scores.Count; i++)
        {
            var want = expected.Scores[i];
            if (scores[i] != want)
            {
                return (seq, $"Record {seq}: the score row of '{want.ReviewerId}' on {want.Dimension} says {Show(scores[i].Score)} but the hashed report says {Show(want.Score)}{(scores[i].Score == want.Score ? " (another column of the row differs)" : "")}.");
            }
        }
        return null;
    }

    private static string Show(int? score) => score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "abstain";
}
