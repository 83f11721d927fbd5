namespace ReviewPanel.Scoring;

/// <summary>
/// A score that carried no weight: a passing score on a dimension with a standing grounded finding, from a reviewer
/// whose evidence never engaged that finding's quotes. Recorded so nothing is silently outvoted.
/// </summary>
/// <param name="Reviewer">Whose score was set aside.</param>
/// <param name="Score">The score it gave.</param>
/// <param name="Quote">The finding's quote it did not answer.</param>
/// <param name="Reason">Why it carried no weight.</param>
public sealed record OverruledScore(string Reviewer, int Score, string Quote, string Reason);
