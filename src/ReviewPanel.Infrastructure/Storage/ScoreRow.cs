namespace ReviewPanel.Storage;

/// <summary>One row of <c>scores</c>: one reviewer's score (null = abstained) on one dimension.</summary>
internal sealed record ScoreRow(
    int ReviewOrdinal,
    int Ordinal,
    string ReviewerId,
    string Dimension,
    int? Score,
    bool Ungrounded)
{
    public static readonly string[] Columns = ["verdict_seq", "review_ordinal", "ordinal", "reviewer_id", "dimension", "score", "ungrounded"];

    /// <summary>The row's values in <see cref="Columns"/> order.</summary>
    public object?[] Values(long verdictSequence) => [verdictSequence, ReviewOrdinal, Ordinal, ReviewerId, Dimension, Score, Ungrounded];
}
