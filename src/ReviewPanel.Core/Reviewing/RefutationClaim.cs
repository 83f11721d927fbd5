namespace ReviewPanel.Reviewing;

/// <summary>
/// An adjudicator's answer to one finding: it names the finding (its reviewer and quote) and counters it with a quote
/// of its own. The gate decides whether the claim lifts the finding (see <see cref="Scoring.Refutation"/>); a claim is
/// never a lift by itself.
/// </summary>
/// <param name="FindingReviewer">The reviewer whose finding is disputed.</param>
/// <param name="FindingQuote">The finding's quote being answered.</param>
/// <param name="Counter">The adjudicator's own quote from the profile; grounded by the grounding check.</param>
/// <param name="Reason">Why the quote does not show the defect claimed.</param>
public sealed record RefutationClaim(string FindingReviewer, string FindingQuote, Evidence Counter, string Reason);
