using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>One defect a heuristic found: the highest score the dimension can keep with it, and its evidence.</summary>
internal sealed record Finding(int Cap, Evidence Evidence);
