using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// One defect a heuristic found: the highest score the dimension can keep with it, and its evidence (one quote, or
/// several when the defect is a disagreement between layers).
/// </summary>
internal sealed record Finding(int Cap, params Evidence[] Evidence);
