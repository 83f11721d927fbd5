namespace ReviewPanel.Provenance;

/// <summary>A score or finding that cites a layer: who, on which dimension, what score, which quote, grounded or not.</summary>
public sealed record LayerCitation(string ReviewerId, string? Dimension, int? Score, string Quote, bool Grounded, string? Note);
