using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>
/// The gate's ruling on an adjudicator's <see cref="RefutationClaim"/>, recorded as its own provenance entry whether
/// it was accepted or refused.
/// </summary>
/// <param name="By">The adjudicator.</param>
/// <param name="FindingReviewer">Whose finding it disputed.</param>
/// <param name="FindingQuote">The finding's quote.</param>
/// <param name="Counter">The adjudicator's counter-quote (with its grounding).</param>
/// <param name="Reason">The adjudicator's reason.</param>
/// <param name="Accepted">True when the finding was lifted.</param>
/// <param name="Ruling">Why the gate accepted or refused it.</param>
public sealed record Refutation(string By, string FindingReviewer, string FindingQuote, Evidence Counter, string Reason, bool Accepted, string Ruling);
