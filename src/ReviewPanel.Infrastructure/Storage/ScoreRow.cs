namespace ReviewPanel.Storage;

/// <summary>One row of <c>scores</c>: one reviewer's score (null = abstained) on one dimension.</summary>
internal sealed record ScoreRow(
    int ReviewOrdinal,
    int Ordinal,
    string ReviewerId,
    string Dimension,
    int? Score,
    bool Ungrounded);
