namespace ReviewPanel.Heuristics;

/// <summary>An occupation ranked against a text, with its TF-IDF cosine similarity (0..1).</summary>
public sealed record SocMatch(SocOccupation Occupation, double Similarity);
